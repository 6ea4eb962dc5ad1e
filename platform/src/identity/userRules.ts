import { fail, isDepartmentScoped, ROLES, type FieldIssue, type Queryable, type Role } from '../kernel';

export const USERNAME_PATTERN = /^[a-z][a-z0-9_]{2,31}$/;
export const MIN_PASSWORD_LENGTH = 12;
/** scrypt hashes any length, but an unbounded one lets a caller burn CPU on purpose. */
export const MAX_PASSWORD_LENGTH = 256;
export const MAX_DISPLAY_NAME_LENGTH = 50;

/**
 * The rules of a staff account, shared by the CLI (createUser) and the administration API
 * (POST/PUT /api/users, POST /api/users/{id}/password), so both refuse the same input the same way.
 */
export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function checkUsername(username: string): FieldIssue[] {
  if (USERNAME_PATTERN.test(username)) return [];
  return [
    { pointer: '/username', code: 'user.username', message: '用户名须以小写字母开头，由 3-32 位小写字母、数字或下划线组成' },
  ];
}

export function checkDisplayName(displayName: string): FieldIssue[] {
  const trimmed = displayName.trim();
  if (trimmed.length > 0 && trimmed.length <= MAX_DISPLAY_NAME_LENGTH) return [];
  return [
    { pointer: '/displayName', code: 'user.display_name', message: `姓名不能为空，且不超过 ${MAX_DISPLAY_NAME_LENGTH} 个字符` },
  ];
}

/** The staff password policy; `pointer` names the field in whichever body carries it. */
export function checkStaffPassword(password: string, pointer = '/password'): FieldIssue[] {
  if (password.length < MIN_PASSWORD_LENGTH)
    return [{ pointer, code: 'user.password_too_short', message: `密码至少 ${MIN_PASSWORD_LENGTH} 个字符` }];
  if (password.length > MAX_PASSWORD_LENGTH)
    return [{ pointer, code: 'user.password_too_long', message: `密码不能超过 ${MAX_PASSWORD_LENGTH} 个字符` }];
  return [];
}

/** A department-scoped role needs a department; a centre-wide one may not have one. */
export function checkRoleDepartment(role: string, departmentCode: string | null | undefined): FieldIssue[] {
  if (!isRole(role)) return [{ pointer: '/role', code: 'user.role', message: `角色必须是 ${ROLES.join('、')} 之一` }];
  if (isDepartmentScoped(role) && !departmentCode)
    return [{ pointer: '/departmentCode', code: 'user.department_required', message: '该角色必须指定所属部门' }];
  if (!isDepartmentScoped(role) && departmentCode)
    return [{ pointer: '/departmentCode', code: 'user.department_not_allowed', message: '该角色不属于任何部门，不能指定部门' }];
  return [];
}

/**
 * The name of the department a user is being put into: DEPARTMENT_NOT_FOUND for an unknown code,
 * VALIDATION_FAILED for a disabled one (it keeps its staff but takes no new ones).
 */
export async function assignableDepartmentName(q: Queryable, departmentCode: string): Promise<string> {
  const result = await q.query<{ name: string; is_active: boolean }>('SELECT name, is_active FROM departments WHERE code = $1', [
    departmentCode,
  ]);
  const found = result.rows[0];
  if (!found) throw fail('DEPARTMENT_NOT_FOUND', { departmentCode });
  if (!found.is_active)
    throw fail('VALIDATION_FAILED', [
      { pointer: '/departmentCode', code: 'user.department_disabled', message: '该部门已停用，不能再分配人员' },
    ]);
  return found.name;
}
