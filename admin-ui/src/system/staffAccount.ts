import { roleLabel } from '@matterflow/schemas';

/** A staff account as GET /api/users answers it (never a password hash). */
export interface StaffAccount {
  id: number;
  username: string;
  displayName: string;
  role: string;
  departmentCode: string | null;
  departmentName: string | null;
  isDisabled: boolean;
  revision: number;
  createdAt: string;
  updatedAt: string;
}

export interface AccountPage {
  items: StaffAccount[];
  total: number;
  page: number;
  pageSize: number;
}

/** The roles that work inside one department; the platform refuses them without one and the others with one. */
export const DEPARTMENT_ROLES = ['window', 'reviewer', 'chief', 'dept_admin'] as const;
export const CENTRE_ROLES = ['legal', 'supervisor', 'sysadmin'] as const;
export const STAFF_ROLES = [...DEPARTMENT_ROLES, ...CENTRE_ROLES];

export const isDepartmentRole = (role: string | undefined): boolean =>
  (DEPARTMENT_ROLES as readonly string[]).includes(role ?? '');

export const roleOptions = () => STAFF_ROLES.map((role) => ({ value: role, label: roleLabel(role) }));

/** The server's rule for a staff password (identity/userRules.ts), said before the clerk types one. */
export const PASSWORD_RULE = '12-256 个字符；交给本人后请其妥善保管';
export const MIN_PASSWORD_LENGTH = 12;

type Compared = Pick<StaffAccount, 'displayName' | 'role' | 'departmentName' | 'isDisabled'>;

/**
 * What another administrator changed between the account this form was opened with and the one the
 * platform now has, in words: a 409 should say what to check before saving again.
 */
export function accountChanges(before: Compared, after: Compared): string[] {
  const lines: string[] = [];
  if (before.displayName !== after.displayName) lines.push(`姓名：${before.displayName} → ${after.displayName}`);
  if (before.role !== after.role) lines.push(`角色：${roleLabel(before.role)} → ${roleLabel(after.role)}`);
  if (before.departmentName !== after.departmentName)
    lines.push(`部门：${before.departmentName ?? '无'} → ${after.departmentName ?? '无'}`);
  if (before.isDisabled !== after.isDisabled) lines.push(after.isDisabled ? '账号已被停用' : '账号已被启用');
  return lines;
}
