import { fail, inTransaction, userIdOf, type Call, type Clock, type Db } from '../../kernel';
import { recordAudit } from '../../audit';
import type { MatterVersion } from '../MatterVersion';
import { assertCanEdit } from '../catalogAccess';
import { validateDocument } from '../validateDocument';
import { findOpenVersion, findVersion, lockMatter, updateDraftDocument } from '../store/matterStore';

/**
 * PUT /api/matters/{code}/draft with optimistic concurrency: the caller sends the revision it
 * edited; if someone saved in between, REVISION_CONFLICT carries the current draft so the editor
 * can merge instead of losing either side's work.
 */
export async function updateDraft(
  deps: { db: Db; clock: Clock },
  call: Call,
  { code, revision, document: input }: { code: string; revision: number; document: unknown },
): Promise<MatterVersion> {
  const document = validateDocument(input);
  if (document.code !== code) {
    throw fail('MATTER_INVALID', [{ pointer: '/document/code', code: 'matter.code_changed', message: '不能修改事项的实施编码' }]);
  }
  const { actor } = call;
  const today = deps.clock.today();
  const at = deps.clock.now();
  return inTransaction(deps.db, call, async (tx) => {
    const locked = await lockMatter(tx, code);
    if (!locked) throw fail('MATTER_NOT_FOUND', { code });
    assertCanEdit(actor, locked.departmentCode);
    if (document.department.code !== locked.departmentCode) {
      throw fail('MATTER_INVALID', [
        { pointer: '/document/department/code', code: 'matter.department_changed', message: '不能变更既有事项的实施主体' },
      ]);
    }
    const open = await findOpenVersion(tx, { code, today, isForUpdate: true });
    if (!open || open.status !== 'draft') throw fail('NO_DRAFT', { code, status: open?.status ?? null });
    const next = await updateDraftDocument(tx, {
      code,
      version: open.version,
      expectedRevision: revision,
      document,
      userId: userIdOf(actor),
      at,
    });
    if (next === undefined) {
      throw fail('REVISION_CONFLICT', {
        code,
        version: open.version,
        yourRevision: revision,
        currentRevision: open.revision,
        current: open,
      });
    }
    await recordAudit(
      deps,
      { ...call, tx },
      { action: 'matter.update', targetType: 'matter', targetId: code, details: { version: open.version, revision: next } },
    );
    const saved = await findVersion(tx, { code, version: open.version, today });
    if (!saved) throw new Error('draft vanished inside its own transaction');
    return saved;
  });
}
