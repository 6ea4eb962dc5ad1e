import { fail } from '../../errors';
import { recordAudit } from '../../audit';
import { knownDepartmentCodes } from '../../departments';
import type { MatterVersion } from '../MatterVersion';
import { assertCanEdit } from '../catalogAccess';
import { validateDocument } from '../validateDocument';
import { findVersion, insertDraftVersion, insertMatter } from '../store/matterStore';
import { userIdOf, type CatalogCall } from './CatalogCall';

/** POST /api/matters: a new matter, as version 1 in draft. */
export async function createDraft({ ctx, actor, ip, document: input }: CatalogCall & { document: unknown }): Promise<MatterVersion> {
  const document = validateDocument(input);
  assertCanEdit(actor, document.department.code);
  if (!document.code.startsWith(document.department.code)) {
    throw fail('MATTER_CODE_INVALID', [{ pointer: '/document/code', code: 'matter.code_prefix', message: '实施编码应以实施主体的统一社会信用代码开头' }]);
  }
  const today = ctx.clock.today();
  return ctx.db.transaction(async (tx) => {
    if (!(await knownDepartmentCodes(tx)).has(document.department.code)) {
      throw fail('DEPARTMENT_NOT_FOUND', { pointer: '/document/department/code', code: document.department.code });
    }
    if (!(await insertMatter(tx, { code: document.code, departmentCode: document.department.code }))) {
      throw fail('MATTER_EXISTS', { code: document.code });
    }
    await insertDraftVersion(tx, { document, version: 1, userId: userIdOf(actor) });
    await recordAudit(tx, { actor, ip, action: 'matter.create', targetType: 'matter', targetId: document.code, details: { version: 1 } });
    const created = await findVersion(tx, { code: document.code, version: 1, today });
    if (!created) throw new Error('draft vanished inside its own transaction');
    return created;
  });
}
