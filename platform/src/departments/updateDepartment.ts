import { fail, inTransaction, requireRole, type Call, type Clock, type Db } from '../kernel';
import { recordAudit } from '../audit';
import type { Department } from './Department';
import { checkNameFree, normalizeFields, type DepartmentFields } from './departmentInput';
import { findDepartment } from './departmentStore';

/**
 * PUT /api/departments/{code}: name, short name, region and whether it is disabled. The code is the
 * key users, matters and applications point at, so it never changes. A disabled department keeps
 * its staff and matters; it only takes no new staff. From now on the start-up seed leaves the row alone.
 */
export async function updateDepartment(
  deps: { db: Db; clock: Clock },
  call: Call,
  input: DepartmentFields & { code: string; isDisabled: boolean },
): Promise<Department> {
  requireRole(call.actor, ['sysadmin']);
  const next: Department = { code: input.code, ...normalizeFields(input), isDisabled: input.isDisabled };
  return inTransaction(deps.db, call, async (tx) => {
    const current = await findDepartment(tx, input.code, { lock: true });
    if (!current) throw fail('DEPARTMENT_NOT_FOUND', { departmentCode: input.code });
    const issues = await checkNameFree(tx, next.name, next.code);
    if (issues.length > 0) throw fail('VALIDATION_FAILED', issues);
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of ['name', 'shortName', 'region', 'isDisabled'] as const)
      if (current[key] !== next[key]) changes[key] = { from: current[key], to: next[key] };
    if (Object.keys(changes).length === 0) return current;
    await tx.query(
      'UPDATE departments SET name = $2, short_name = $3, region = $4, is_active = $5, edited_at = $6 WHERE code = $1',
      [next.code, next.name, next.shortName, next.region, !next.isDisabled, deps.clock.now()],
    );
    await recordAudit(
      deps,
      { ...call, tx },
      { action: 'department.update', targetType: 'department', targetId: next.code, details: { changes } },
    );
    return next;
  });
}
