import { maskIdNumber } from '@matterflow/schemas';
import type { Actor, Queryable, Role } from '../kernel';

/** A user as the API shows it: never the password hash. */
export interface UserView {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  departmentCode: string | null;
  departmentName: string | null;
}

export interface UserRow {
  id: number;
  username: string;
  display_name: string;
  password_hash: string;
  role: Role;
  department_code: string | null;
  department_name: string | null;
  is_active: boolean;
}

export const USER_COLUMNS = `u.id, u.username, u.display_name, u.password_hash, u.role, u.department_code,
  d.name AS department_name, u.is_active`;

export async function findUserByUsername(q: Queryable, username: string): Promise<UserRow | undefined> {
  const result = await q.query<UserRow>(
    `SELECT ${USER_COLUMNS} FROM users u LEFT JOIN departments d ON d.code = u.department_code WHERE u.username = $1`,
    [username],
  );
  return result.rows[0];
}

export function toUserView(row: Omit<UserRow, 'password_hash' | 'is_active'>): UserView {
  return {
    id: Number(row.id),
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    departmentCode: row.department_code,
    departmentName: row.department_name,
  };
}

const ID_NUMBER_SHAPE = /^\d{17}[\dX]$/;

/**
 * The actor the operations and the audit log see. A citizen's user name is their 身份证号, which the
 * audit log and the records of whoever acts must not repeat in clear: they carry it masked (the
 * user id still says who it was).
 */
export function toActor(user: UserView): Actor {
  return {
    kind: 'user',
    userId: user.id,
    username: user.role === 'citizen' && ID_NUMBER_SHAPE.test(user.username) ? maskIdNumber(user.username) : user.username,
    displayName: user.displayName,
    role: user.role,
    departmentCode: user.departmentCode,
  };
}
