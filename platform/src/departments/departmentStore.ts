import type { Queryable } from '../kernel';
import type { Department, DepartmentSeed } from './Department';

interface DepartmentRow {
  code: string;
  name: string;
  short_name: string | null;
  region: string;
  is_active: boolean;
}

const COLUMNS = 'code, name, short_name, region, is_active';

const toDepartment = (row: DepartmentRow): Department => ({
  code: row.code,
  name: row.name,
  shortName: row.short_name,
  region: row.region,
  isDisabled: !row.is_active,
});

/** Every department, disabled ones too: old matters and applications still name them. */
export async function listDepartments(q: Queryable): Promise<Department[]> {
  const result = await q.query<DepartmentRow>(`SELECT ${COLUMNS} FROM departments ORDER BY code`);
  return result.rows.map(toDepartment);
}

/** `lock` holds the row until the caller's transaction ends (an edit). */
export async function findDepartment(q: Queryable, code: string, { lock = false } = {}): Promise<Department | undefined> {
  const result = await q.query<DepartmentRow>(`SELECT ${COLUMNS} FROM departments WHERE code = $1${lock ? ' FOR UPDATE' : ''}`, [
    code,
  ]);
  const row = result.rows[0];
  return row ? toDepartment(row) : undefined;
}

export async function knownDepartmentCodes(q: Queryable): Promise<Set<string>> {
  const result = await q.query<{ code: string }>('SELECT code FROM departments');
  return new Set(result.rows.map((row) => row.code));
}

/**
 * Inserts or renames departments; existing codes keep their rows (users and matters point at them).
 * A row an administrator edited (`edited_at`) is theirs: the seed no longer renames it.
 */
export async function upsertDepartments(q: Queryable, departments: readonly DepartmentSeed[]): Promise<void> {
  for (const department of departments) {
    await q.query(
      `INSERT INTO departments (code, name, short_name, region) VALUES ($1, $2, $3, $4)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, short_name = EXCLUDED.short_name, region = EXCLUDED.region
       WHERE departments.edited_at IS NULL`,
      [department.code, department.name, department.shortName, department.region],
    );
  }
}
