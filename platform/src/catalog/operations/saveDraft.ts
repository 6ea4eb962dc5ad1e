import { fail, inTransaction, userIdOf, type Call, type Clock, type Db } from '../../kernel';
import { recordAudit } from '../../audit';
import type { MatterDocument } from '../MatterVersion';
import { assertCanEdit } from '../catalogAccess';
import {
  findOpenVersion,
  findCurrentVersion,
  insertDraftVersion,
  insertMatter,
  lockMatter,
  updateDraftDocument,
} from '../store/matterStore';

export type SaveDraftOutcome = 'created' | 'updated' | 'new_version';

/**
 * Puts `document` into the catalog as a draft, whatever state its matter is in: a new matter, its
 * open draft overwritten, or a new draft version on top of the published one. Used by the seed
 * loader and the importer, inside their transaction; the caller has validated the document.
 */
export async function saveDraft(
  deps: { db: Db; clock: Clock },
  call: Call,
  { document }: { document: MatterDocument },
): Promise<SaveDraftOutcome> {
  const { actor } = call;
  assertCanEdit(actor, document.department.code);
  const userId = userIdOf(actor);
  const today = deps.clock.today();
  const at = deps.clock.now();
  return inTransaction(deps.db, call, async (tx) => {
    const audit = (action: string, details: unknown) =>
      recordAudit(deps, { ...call, tx }, { action, targetType: 'matter', targetId: document.code, details });
    if (await insertMatter(tx, { code: document.code, departmentCode: document.department.code, at })) {
      await insertDraftVersion(tx, { document, version: 1, userId, at });
      await audit('matter.create', { version: 1 });
      return 'created';
    }
    const locked = await lockMatter(tx, document.code);
    if (!locked) throw fail('MATTER_NOT_FOUND', { code: document.code });
    assertCanEdit(actor, locked.departmentCode);
    if (locked.departmentCode !== document.department.code) {
      throw fail('MATTER_INVALID', [
        { pointer: '/department/code', code: 'matter.department_changed', message: '不能变更既有事项的实施主体' },
      ]);
    }
    const open = await findOpenVersion(tx, { code: document.code, today, isForUpdate: true });
    if (open && open.status === 'in_review')
      throw fail('TRANSITION_NOT_ALLOWED', { code: document.code, status: open.status }, '该事项正在法制审核中，不能覆盖');
    if (open) {
      await updateDraftDocument(tx, {
        code: open.code,
        version: open.version,
        expectedRevision: open.revision,
        document,
        userId,
        at,
      });
      await audit('matter.update', { version: open.version });
      return 'updated';
    }
    const version = locked.maxVersion + 1;
    await insertDraftVersion(tx, { document, version, userId, at });
    const current = await findCurrentVersion(tx, { code: document.code, today });
    await audit('matter.new_version', { version, from: current?.version ?? null });
    return 'new_version';
  });
}
