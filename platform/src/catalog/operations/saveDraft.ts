import { fail } from '../../errors';
import type { Queryable } from '../../store';
import type { Actor } from '../../identity/Actor';
import { recordAudit } from '../../audit';
import type { MatterDocument } from '../MatterVersion';
import { assertCanEdit } from '../catalogAccess';
import { findOpenVersion, findCurrentVersion, insertDraftVersion, insertMatter, lockMatter, updateDraftDocument } from '../store/matterStore';
import { userIdOf } from './CatalogCall';

export type SaveDraftOutcome = 'created' | 'updated' | 'new_version';

/**
 * Puts `document` into the catalog as a draft, whatever state its matter is in: a new matter, its
 * open draft overwritten, or a new draft version on top of the published one. Used by the seed
 * loader and the importer, inside their transaction; the caller has validated the document.
 */
export async function saveDraft(
  tx: Queryable,
  { actor, document, today }: { actor: Actor; document: MatterDocument; today: string },
): Promise<SaveDraftOutcome> {
  assertCanEdit(actor, document.department.code);
  const userId = userIdOf(actor);
  if (await insertMatter(tx, { code: document.code, departmentCode: document.department.code })) {
    await insertDraftVersion(tx, { document, version: 1, userId });
    await recordAudit(tx, { actor, action: 'matter.create', targetType: 'matter', targetId: document.code, details: { version: 1 } });
    return 'created';
  }
  const locked = await lockMatter(tx, document.code);
  if (!locked) throw fail('MATTER_NOT_FOUND', { code: document.code });
  assertCanEdit(actor, locked.departmentCode);
  if (locked.departmentCode !== document.department.code) {
    throw fail('MATTER_INVALID', [{ pointer: '/department/code', code: 'matter.department_changed', message: '不能变更既有事项的实施主体' }]);
  }
  const open = await findOpenVersion(tx, { code: document.code, today, isForUpdate: true });
  if (open && open.status === 'in_review') throw fail('TRANSITION_NOT_ALLOWED', { code: document.code, status: open.status }, '该事项正在法制审核中，不能覆盖');
  if (open) {
    await updateDraftDocument(tx, { code: open.code, version: open.version, expectedRevision: open.revision, document, userId });
    await recordAudit(tx, { actor, action: 'matter.update', targetType: 'matter', targetId: document.code, details: { version: open.version } });
    return 'updated';
  }
  const version = locked.maxVersion + 1;
  await insertDraftVersion(tx, { document, version, userId });
  const current = await findCurrentVersion(tx, { code: document.code, today });
  await recordAudit(tx, { actor, action: 'matter.new_version', targetType: 'matter', targetId: document.code, details: { version, from: current?.version ?? null } });
  return 'new_version';
}
