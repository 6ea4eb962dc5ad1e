import { fail } from '../../errors';
import { recordAudit } from '../../audit';
import type { MatterVersion } from '../MatterVersion';
import { assertCanEdit } from '../catalogAccess';
import { validateDocument } from '../validateDocument';
import { findOpenVersion, findVersion, lockMatter, updateDraftDocument } from '../store/matterStore';
import { userIdOf, type CatalogCall } from './CatalogCall';

/**
 * PUT /api/matters/{code}/draft with optimistic concurrency: the caller sends the revision it
 * edited; if someone saved in between, REVISION_CONFLICT carries the current draft so the editor
 * can merge instead of losing either side's work.
 */
export async function updateDraft({
  ctx,
  actor,
  ip,
  code,
  revision,
  document: input,
}: CatalogCall & { code: string; revision: number; document: unknown }): Promise<MatterVersion> {
  const document = validateDocument(input);
  if (document.code !== code) {
    throw fail('MATTER_INVALID', [{ pointer: '/document/code', code: 'matter.code_changed', message: '不能修改事项的实施编码' }]);
  }
  const today = ctx.clock.today();
  return ctx.db.transaction(async (tx) => {
    const locked = await lockMatter(tx, code);
    if (!locked) throw fail('MATTER_NOT_FOUND', { code });
    assertCanEdit(actor, locked.departmentCode);
    if (document.department.code !== locked.departmentCode) {
      throw fail('MATTER_INVALID', [{ pointer: '/document/department/code', code: 'matter.department_changed', message: '不能变更既有事项的实施主体' }]);
    }
    const open = await findOpenVersion(tx, { code, today, isForUpdate: true });
    if (!open || open.status !== 'draft') throw fail('NO_DRAFT', { code, status: open?.status ?? null });
    const next = await updateDraftDocument(tx, { code, version: open.version, expectedRevision: revision, document, userId: userIdOf(actor) });
    if (next === undefined) {
      throw fail('REVISION_CONFLICT', { code, version: open.version, yourRevision: revision, currentRevision: open.revision, current: open });
    }
    await recordAudit(tx, { actor, ip, action: 'matter.update', targetType: 'matter', targetId: code, details: { version: open.version, revision: next } });
    const saved = await findVersion(tx, { code, version: open.version, today });
    if (!saved) throw new Error('draft vanished inside its own transaction');
    return saved;
  });
}
