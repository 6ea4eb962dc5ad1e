import {
  fail,
  inTransaction,
  isDepartmentScoped,
  isDomainError,
  requireRole,
  ROLES,
  type Call,
  type Clock,
  type Db,
  type FieldIssue,
  type Role,
} from '../kernel';
import { recordAudit } from '../audit';
import { hashPassword } from './hashPassword';
import { findUserByUsername, toUserView, type UserView } from './userStore';

export const USERNAME_PATTERN = /^[a-z][a-z0-9_]{2,31}$/;
export const MIN_PASSWORD_LENGTH = 12;
/** scrypt hashes any length, but an unbounded one lets a caller burn CPU on purpose. */
export const MAX_PASSWORD_LENGTH = 256;
const MAX_DISPLAY_NAME_LENGTH = 50;

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  role: string;
  departmentCode?: string | null;
}

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Every problem of the input at once, so a form can show them all. */
function checkNewUser(input: NewUser): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!USERNAME_PATTERN.test(input.username)) {
    issues.push({
      pointer: '/username',
      code: 'user.username',
      message: '用户名须以小写字母开头，由 3-32 位小写字母、数字或下划线组成',
    });
  }
  const displayName = input.displayName.trim();
  if (displayName.length === 0 || displayName.length > MAX_DISPLAY_NAME_LENGTH) {
    issues.push({
      pointer: '/displayName',
      code: 'user.display_name',
      message: `姓名不能为空，且不超过 ${MAX_DISPLAY_NAME_LENGTH} 个字符`,
    });
  }
  if (input.password.length < MIN_PASSWORD_LENGTH) {
    issues.push({ pointer: '/password', code: 'user.password_too_short', message: `密码至少 ${MIN_PASSWORD_LENGTH} 个字符` });
  } else if (input.password.length > MAX_PASSWORD_LENGTH) {
    issues.push({ pointer: '/password', code: 'user.password_too_long', message: `密码不能超过 ${MAX_PASSWORD_LENGTH} 个字符` });
  }
  if (!isRole(input.role)) {
    issues.push({ pointer: '/role', code: 'user.role', message: `角色必须是 ${ROLES.join('、')} 之一` });
  } else if (isDepartmentScoped(input.role) && !input.departmentCode) {
    issues.push({ pointer: '/departmentCode', code: 'user.department_required', message: '该角色必须指定所属部门' });
  } else if (!isDepartmentScoped(input.role) && input.departmentCode) {
    issues.push({
      pointer: '/departmentCode',
      code: 'user.department_not_allowed',
      message: '该角色不属于任何部门，不能指定部门',
    });
  }
  return issues;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505' && !isDomainError(error);
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
    let departmentName: string | null = null;
    if (departmentCode) {
      const department = await q.query<{ name: string }>('SELECT name FROM departments WHERE code = $1', [departmentCode]);
      const found = department.rows[0];
      if (!found) throw fail('DEPARTMENT_NOT_FOUND', { departmentCode });
      departmentName = found.name;
    }
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
