import { readFileSync } from 'node:fs';
import type { Db } from '../kernel';
import type { DepartmentSeed } from './Department';
import { upsertDepartments } from './departmentStore';
import { isValidUscc } from './uscc';

/** Reads the seed departments file; a bad code stops start-up naming the entry. */
export function readSeedDepartments(file: string): DepartmentSeed[] {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  if (!Array.isArray(raw)) throw new Error(`${file}: expected an array of departments`);
  return raw.map((entry: Record<string, unknown>, index) => {
    const code = String(entry.code ?? '');
    if (!isValidUscc(code)) throw new Error(`${file}: /${index}/code "${code}" is not a valid 统一社会信用代码`);
    return {
      code,
      name: String(entry.name ?? ''),
      shortName: typeof entry.shortName === 'string' ? entry.shortName : null,
      region: String(entry.region ?? ''),
    };
  });
}

export async function seedDepartments(deps: { db: Db }, { file }: { file: string }): Promise<void> {
  await upsertDepartments(deps.db, readSeedDepartments(file));
}
