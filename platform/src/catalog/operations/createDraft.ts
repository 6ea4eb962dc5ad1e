import { fail, inTransaction, userIdOf, type Call, type Clock, type Db } from '../../kernel';
import { recordAudit } from '../../audit';
import { knownDepartmentCodes } from '../../departments';
import type { MatterVersion } from '../MatterVersion';
import { assertCanEdit } from '../catalogAccess';
import { validateDocument } from '../validateDocument';
import { findVersion, insertDraftVersion, insertMatter } from '../store/matterStore';

/** POST /api/matters: a new matter, as version 1 in draft. */
export async function createDraft(
  deps: { db: Db; clock: Clock },
  call: Call,
  input: { document: unknown },
): Promise<MatterVersion> {
  const document = validateDocument(input.document);
  const { actor } = call;
  assertCanEdit(actor, document.department.code);
  if (!document.code.startsWith(document.department.code)) {
    throw fail('MATTER_CODE_INVALID', [
      { pointer: '/document/code', code: 'matter.code_prefix', message: '实施编码应以实施主体的统一社会信用代码开头' },
    ]);
  }
  const today = deps.clock.today();
  const at = deps.clock.now();
  return inTransaction(deps.db, call, async (tx) => {
    if (!(await knownDepartmentCodes(tx)).has(document.department.code)) {
      throw fail('DEPARTMENT_NOT_FOUND', { pointer: '/document/department/code', code: document.department.code });
    }
    if (!(await insertMatter(tx, { code: document.code, departmentCode: document.department.code, at }))) {
      throw fail('MATTER_EXISTS', { code: document.code });
    }
    await insertDraftVersion(tx, { document, version: 1, userId: userIdOf(actor), at });
    await recordAudit(
      deps,
      { ...call, tx },
      { action: 'matter.create', targetType: 'matter', targetId: document.code, details: { version: 1 } },
    );
    const created = await findVersion(tx, { code: document.code, version: 1, today });
    if (!created) throw new Error('draft vanished inside its own transaction');
    return created;
  });
}
