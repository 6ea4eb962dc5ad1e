import { fail, inTransaction, isDepartmentScoped, requireRole, type Call, type Clock, type Db, type Role } from '../../kernel';
import { recordAudit } from '../../audit';
import { assignableDepartmentName, checkDisplayName, checkRoleDepartment } from '../userRules';
import { endUserSessions } from './endUserSessions';
import { findStaffUser, type StaffUser } from './staffUserStore';

export interface UserUpdate {
  id: number;
  /** The revision the administrator read; a stale one is refused with the current account. */
  revision: number;
  displayName: string;
  role: string;
  departmentCode: string | null;
  isDisabled: boolean;
}

/**
 * Every edit of an account takes this transaction-scoped lock first, so that two administrators
 * demoting each other at once queue and the second sees that it would remove the last sysadmin.
 */
const STAFF_ADMIN_LOCK = 4_242_013;

const isActiveSysadmin = (user: { role: Role; isDisabled: boolean }) => user.role === 'sysadmin' && !user.isDisabled;

/**
 * PUT /api/users/{id}: name, role, department and whether the account is disabled. Disabling ends
 * the user's sessions in the same transaction. A sysadmin may not disable themself or give up the
 * role (nobody could undo it over HTTP), and the last active sysadmin stays one.
 */
export async function updateUser(deps: { db: Db; clock: Clock }, call: Call, input: UserUpdate): Promise<StaffUser> {
  requireRole(call.actor, ['sysadmin']);
  const issues = [...checkDisplayName(input.displayName), ...checkRoleDepartment(input.role, input.departmentCode)];
  if (input.role === 'citizen') issues.push({ pointer: '/role', code: 'user.role', message: '工作人员账号不能改为申请人账号' });
  if (issues.length > 0) throw fail('VALIDATION_FAILED', issues);
  const role = input.role as Role;
  const departmentCode = isDepartmentScoped(role) ? input.departmentCode : null;
  const displayName = input.displayName.trim();
  const { actor } = call;

  return inTransaction(deps.db, call, async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [STAFF_ADMIN_LOCK]);
    const current = await findStaffUser(tx, input.id, { lock: true });
    if (!current) throw fail('USER_NOT_FOUND', { id: input.id });
    if (current.revision !== input.revision) throw fail('USER_REVISION_CONFLICT', { yourRevision: input.revision, current });
    const next = { role, isDisabled: input.isDisabled };
    if (isActiveSysadmin(current) && !isActiveSysadmin(next)) {
      if (current.id === actor.userId) throw fail('USER_SELF_LOCKOUT', { id: current.id });
      const others = await tx.query('SELECT 1 FROM users WHERE role = $1 AND is_active AND id <> $2 LIMIT 1', [
        'sysadmin',
        current.id,
      ]);
      if (others.rows.length === 0) throw fail('LAST_SYSADMIN', { id: current.id });
    }

    const changes = changedFields(current, { displayName, role, departmentCode, isDisabled: input.isDisabled });
    if (Object.keys(changes).length === 0) return current;
    // A department is checked only when it changes: staff stay in a department after it is disabled.
    const departmentName =
      departmentCode === current.departmentCode
        ? current.departmentName
        : departmentCode
          ? await assignableDepartmentName(tx, departmentCode)
          : null;
    const now = deps.clock.now();
    await tx.query(
      `UPDATE users SET display_name = $2, role = $3, department_code = $4, is_active = $5, revision = revision + 1,
         updated_at = $6 WHERE id = $1`,
      [current.id, displayName, role, departmentCode, !input.isDisabled, now],
    );
    const sessionsEnded = input.isDisabled && !current.isDisabled ? await endUserSessions(tx, current.id) : 0;
    await recordAudit(
      deps,
      { ...call, tx },
      {
        action: auditAction(current.isDisabled, input.isDisabled),
        targetType: 'user',
        targetId: String(current.id),
        details: { username: current.username, changes, ...(sessionsEnded > 0 ? { sessionsEnded } : {}) },
      },
    );
    return {
      ...current,
      displayName,
      role,
      departmentCode,
      departmentName,
      isDisabled: input.isDisabled,
      revision: current.revision + 1,
      updatedAt: now.toISOString(),
    };
  });
}

function auditAction(wasDisabled: boolean, isDisabled: boolean): string {
  if (isDisabled === wasDisabled) return 'user.update';
  return isDisabled ? 'user.disable' : 'user.enable';
}

type Editable = Pick<StaffUser, 'displayName' | 'role' | 'departmentCode' | 'isDisabled'>;

/** What the edit changes, `{field: {from, to}}`, for the audit log. */
function changedFields(current: Editable, next: Editable): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of ['displayName', 'role', 'departmentCode', 'isDisabled'] as const)
    if (current[key] !== next[key]) changes[key] = { from: current[key], to: next[key] };
  return changes;
}
