import { fail, inTransaction, isUniqueViolation, requireRole, type Call, type Clock, type Db } from '../kernel';
import { recordAudit } from '../audit';
import type { Department } from './Department';
import { checkNameFree, normalizeFields, type DepartmentFields } from './departmentInput';
import { findDepartment } from './departmentStore';
import { isValidUscc } from './uscc';

/**
 * POST /api/departments: a new department of the centre, keyed by its 统一社会信用代码 (checked
 * to its check character). Audited in the same transaction.
 */
export async function createDepartment(
  deps: { db: Db; clock: Clock },
  call: Call,
  input: DepartmentFields & { code: string },
): Promise<Department> {
  requireRole(call.actor, ['sysadmin']);
  const fields = normalizeFields(input);
  const { code } = input;
  return inTransaction(deps.db, call, async (tx) => {
    const issues = isValidUscc(code)
      ? []
      : [{ pointer: '/code', code: 'department.invalid', message: '不是有效的统一社会信用代码（字符或校验位不符）' }];
    issues.push(...(await checkNameFree(tx, fields.name, code)));
    if (issues.length > 0) throw fail('VALIDATION_FAILED', issues);
    if (await findDepartment(tx, code)) throw fail('DEPARTMENT_EXISTS', { code });
    const now = deps.clock.now();
    try {
      await tx.query(
        `INSERT INTO departments (code, name, short_name, region, is_active, created_at, edited_at)
         VALUES ($1, $2, $3, $4, true, $5, $5)`,
        [code, fields.name, fields.shortName, fields.region, now],
      );
    } catch (error) {
      // Another administrator took the code or the name between the checks and the insert.
      if (isUniqueViolation(error)) throw fail('DEPARTMENT_EXISTS', { code });
      throw error;
    }
    await recordAudit(
      deps,
      { ...call, tx },
      { action: 'department.create', targetType: 'department', targetId: code, details: fields },
    );
    return { code, ...fields, isDisabled: false };
  });
}
