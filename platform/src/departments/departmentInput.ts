import type { FieldIssue, Queryable } from '../kernel';

/** What an administrator writes about a department (its code is the key and never changes). */
export interface DepartmentFields {
  name: string;
  shortName: string | null;
  region: string;
}

/** Trimmed, and an empty short name is none. */
export function normalizeFields(fields: DepartmentFields): DepartmentFields {
  const shortName = fields.shortName?.trim() || null;
  return { name: fields.name.trim(), shortName, region: fields.region };
}

/** Names are unique (the guide and the portal tell departments apart by them). */
export async function checkNameFree(q: Queryable, name: string, code: string): Promise<FieldIssue[]> {
  const taken = await q.query<{ code: string }>('SELECT code FROM departments WHERE name = $1 AND code <> $2', [name, code]);
  const other = taken.rows[0];
  if (!other) return [];
  return [{ pointer: '/name', code: 'department.name_taken', message: `部门名称“${name}”已被 ${other.code} 使用` }];
}
