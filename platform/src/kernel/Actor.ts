export const ROLES = ['citizen', 'window', 'reviewer', 'chief', 'dept_admin', 'legal', 'supervisor', 'sysadmin'] as const;
export type Role = (typeof ROLES)[number];

/** Roles whose every permission is limited to one department: the department staff roles. */
export const DEPARTMENT_SCOPED_ROLES: readonly Role[] = ['window', 'reviewer', 'chief', 'dept_admin'];

/** Who is asking. Operations receive it explicitly, so scoping holds without HTTP too. */
export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'user'; userId: number; username: string; displayName: string; role: Role; departmentCode: string | null };

export const ANONYMOUS: Actor = { kind: 'anonymous' };

/** A system actor for start-up seeding and CLI commands; audited under this name. */
export const SYSTEM_ACTOR: Actor = {
  kind: 'user',
  userId: 0,
  username: 'system',
  displayName: '系统',
  role: 'sysadmin',
  departmentCode: null,
};

export function isStaff(actor: Actor): boolean {
  return actor.kind === 'user' && actor.role !== 'citizen';
}
