import type { Queryable, Role } from '../../kernel';
import { toUserView, type UserRow, type UserView } from '../userStore';

/**
 * A staff account as its administrator sees it: the session's user view plus what an edit needs
 * (disabled or not, the revision to send back, when it changed). Never the password hash.
 */
export interface StaffUser extends UserView {
  isDisabled: boolean;
  revision: number;
  createdAt: string;
  updatedAt: string;
}

export interface StaffUserFilters {
  /** Part of the user name or the display name. */
  q?: string | undefined;
  role?: Role | undefined;
  departmentCode?: string | undefined;
  isDisabled?: boolean | undefined;
}

type StaffUserRow = Omit<UserRow, 'password_hash'> & {
  revision: number;
  created_at: Date | string;
  updated_at: Date | string | null;
};

// Citizens are not staff: their accounts are their own (registration), named by their 身份证号.
const SELECT_STAFF = `SELECT u.id, u.username, u.display_name, u.role, u.department_code, d.name AS department_name,
  u.is_active, u.revision, u.created_at, u.updated_at
  FROM users u LEFT JOIN departments d ON d.code = u.department_code WHERE u.role <> 'citizen'`;

function toStaffUser(row: StaffUserRow): StaffUser {
  const createdAt = new Date(row.created_at).toISOString();
  return {
    ...toUserView(row),
    isDisabled: !row.is_active,
    revision: row.revision,
    createdAt,
    updatedAt: row.updated_at === null ? createdAt : new Date(row.updated_at).toISOString(),
  };
}

/** `lock` takes the row lock an edit holds until it commits (FOR UPDATE OF the user, not the department). */
export async function findStaffUser(q: Queryable, id: number, { lock = false } = {}): Promise<StaffUser | undefined> {
  const result = await q.query<StaffUserRow>(`${SELECT_STAFF} AND u.id = $1${lock ? ' FOR UPDATE OF u' : ''}`, [id]);
  const row = result.rows[0];
  return row ? toStaffUser(row) : undefined;
}

/** Escapes LIKE's wildcards so that a search for `a_b` finds that text, not every `a?b`. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function listStaffUsers(
  q: Queryable,
  filters: StaffUserFilters,
  { page, pageSize }: { page: number; pageSize: number },
): Promise<{ items: StaffUser[]; total: number }> {
  const params: unknown[] = [];
  const clauses: string[] = [];
  const add = (clause: string, value: unknown) => {
    params.push(value);
    clauses.push(clause.replaceAll('?', `$${params.length}`));
  };
  if (filters.q) add('(u.username ILIKE ? OR u.display_name ILIKE ?)', likePattern(filters.q));
  if (filters.role) add('u.role = ?', filters.role);
  if (filters.departmentCode) add('u.department_code = ?', filters.departmentCode);
  if (filters.isDisabled !== undefined) add('u.is_active = ?', !filters.isDisabled);
  const where = clauses.map((clause) => ` AND ${clause}`).join('');
  const count = await q.query<{ n: string | number }>(
    `SELECT count(*) AS n FROM users u WHERE u.role <> 'citizen'${where}`,
    params,
  );
  const rows = await q.query<StaffUserRow>(
    `${SELECT_STAFF}${where} ORDER BY u.username LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, pageSize, (page - 1) * pageSize],
  );
  return { items: rows.rows.map(toStaffUser), total: Number(count.rows[0]?.n ?? 0) };
}
