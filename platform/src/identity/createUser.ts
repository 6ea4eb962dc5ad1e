import {
  fail,
  inTransaction,
  isDepartmentScoped,
  isUniqueViolation,
  requireRole,
  type Call,
  type Clock,
  type Db,
  type FieldIssue,
  type Role,
} from '../kernel';
import { recordAudit } from '../audit';
import { hashPassword } from './hashPassword';
import { findUserByUsername, toUserView, type UserView } from './userStore';
import { assignableDepartmentName, checkDisplayName, checkRoleDepartment, checkStaffPassword, checkUsername } from './userRules';

export { USERNAME_PATTERN, MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH } from './userRules';

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  role: string;
  departmentCode?: string | null;
}

/** Every problem of the input at once, so a form can show them all. */
function checkNewUser(input: NewUser): FieldIssue[] {
  return [
    ...checkUsername(input.username),
    ...checkDisplayName(input.displayName),
    ...checkStaffPassword(input.password),
    ...checkRoleDepartment(input.role, input.departmentCode),
  ];
}

/**
 * Creates a staff or citizen account. Only system administrators (or the system itself, for
 * seeding and the CLI) may do so. The user and its audit entry commit together.
 */
export async function createUser(deps: { db: Db; clock: Clock }, call: Call, input: NewUser): Promise<UserView> {
  requireRole(call.actor, ['sysadmin']);
  const issues = checkNewUser(input);
  if (issues.length > 0) throw fail('VALIDATION_FAILED', issues);
  const role = input.role as Role;
  const departmentCode = isDepartmentScoped(role) ? (input.departmentCode ?? null) : null;

  // Hashing is slow on purpose; do it before the transaction holds any lock.
  const passwordHash = await hashPassword(input.password);
  return inTransaction(deps.db, call, async (q) => {
    const departmentName = departmentCode ? await assignableDepartmentName(q, departmentCode) : null;
    if (await findUserByUsername(q, input.username)) throw fail('USER_EXISTS', { username: input.username });

    let id: number;
    try {
      const inserted = await q.query<{ id: number }>(
        `INSERT INTO users (username, display_name, password_hash, role, department_code, created_at)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [input.username, input.displayName.trim(), passwordHash, role, departmentCode, deps.clock.now()],
      );
      id = Number(inserted.rows[0]?.id);
    } catch (error) {
      // Two administrators creating the same name at once: the unique index decides.
      if (isUniqueViolation(error)) throw fail('USER_EXISTS', { username: input.username });
      throw error;
    }

    await recordAudit(
      deps,
      { ...call, tx: q },
      {
        action: 'user.create',
        targetType: 'user',
        targetId: String(id),
        details: { username: input.username, role, departmentCode },
      },
    );
    return toUserView({
      id,
      username: input.username,
      display_name: input.displayName.trim(),
      role,
      department_code: departmentCode,
      department_name: departmentName,
    });
  });
}
