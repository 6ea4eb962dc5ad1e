import type { Queryable } from '../kernel';
import type { Department } from './Department';

export async function listDepartments(q: Queryable): Promise<Department[]> {
  const result = await q.query<{ code: string; name: string; short_name: string | null; region: string }>(
    'SELECT code, name, short_name, region FROM departments ORDER BY code',
  );
  return result.rows.map((row) => ({ code: row.code, name: row.name, shortName: row.short_name, region: row.region }));
}

export async function knownDepartmentCodes(q: Queryable): Promise<Set<string>> {
  const result = await q.query<{ code: string }>('SELECT code FROM departments');
  return new Set(result.rows.map((row) => row.code));
}

/** Inserts or renames departments; existing codes keep their rows (users and matters point at them). */
export async function upsertDepartments(q: Queryable, departments: readonly Department[]): Promise<void> {
  for (const department of departments) {
    await q.query(
      `INSERT INTO departments (code, name, short_name, region) VALUES ($1, $2, $3, $4)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, short_name = EXCLUDED.short_name, region = EXCLUDED.region`,
      [department.code, department.name, department.shortName, department.region],
    );
  }
}
