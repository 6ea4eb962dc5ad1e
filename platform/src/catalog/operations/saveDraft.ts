import { fail, inTransaction, userIdOf, type Call, type Clock, type Db } from '../../kernel';
import { recordAudit } from '../../audit';
import type { MatterDocument } from '../MatterVersion';
import { assertCanEdit } from '../catalogAccess';
import { isSameJson } from '../exchange/isSameJson';
import { formatSourceVersion, type SourceVersion } from '../exchange/sourceVersion';
import {
  findOpenVersion,
  findCurrentVersion,
  findVersion,
  insertDraftVersion,
  insertMatter,
  lockMatter,
  updateDraftDocument,
} from '../store/matterStore';

export type SaveDraftOutcome =
  | 'created'
  | 'updated'
  | 'new_version'
  /** Guarded saves only: the document is what the matter already holds; nothing was written. */
  | 'unchanged'
  /** Guarded saves only: the matter is in legal review; nothing was written. */
  | 'in_review'
  /** Guarded saves only: the open draft is not the one the file was exported from; nothing was written. */
  | { conflict: string };

/**
 * Puts `document` into the catalog as a draft, whatever state its matter is in: a new matter, its
 * open draft overwritten, or a new draft version on top of the published one. Used by the seed
 * loader and the importer, inside their transaction; the caller has validated the document.
 *
 * With `guard` (the importer) nothing anyone saved is lost: a matter in review is reported, not
 * written; a document equal to the open draft or, without one, to the newest version is 'unchanged';
 * an open draft is overwritten only when `guard.source` names its exact version and revision.
 */
export async function saveDraft(
  deps: { db: Db; clock: Clock },
  call: Call,
  { document, guard }: { document: MatterDocument; guard?: { source: SourceVersion | undefined } },
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
    if (open && guard) {
      if (open.status === 'in_review') return 'in_review';
      if (isSameJson(open.document, document)) return 'unchanged';
      const draft = formatSourceVersion(open);
      const { source } = guard;
      if (!source) return { conflict: `文件未标明来源版本，而该事项已有内容不同的草稿（${draft}），未覆盖` };
      if (source.version !== open.version || source.revision !== open.revision)
        return { conflict: `导出后该事项的草稿已被修改（文件来自 ${formatSourceVersion(source)}，当前为 ${draft}），未覆盖` };
    }
    if (open && open.status === 'in_review')
      throw fail('TRANSITION_NOT_ALLOWED', { code: document.code, status: open.status }, '该事项正在法制审核中，不能覆盖');
    if (open) {
      const revision = await updateDraftDocument(tx, {
        code: open.code,
        version: open.version,
        expectedRevision: open.revision,
        document,
        userId,
        at,
      });
      if (revision === undefined) throw fail('REVISION_CONFLICT', { code: open.code, version: open.version });
      await audit('matter.update', { version: open.version });
      return 'updated';
    }
    if (guard) {
      const newest = await findVersion(tx, { code: document.code, version: locked.maxVersion, today });
      if (newest && isSameJson(newest.document, document)) return 'unchanged';
    }
    const version = locked.maxVersion + 1;
    await insertDraftVersion(tx, { document, version, userId, at });
    const current = await findCurrentVersion(tx, { code: document.code, today });
    await audit('matter.new_version', { version, from: current?.version ?? null });
    return 'new_version';
  });
}
