import { readFileSync } from 'node:fs';
import { readSeedDepartments } from '../platform/src/departments';
import { SEED_DEPARTMENTS_FILE, SEED_DIR } from '../tests/support/seedFiles';
import type { MatterDocument } from '../platform/src/catalog';

interface SeedIndex {
  matters: { file: string }[];
}

/**
 * `count` realistic documents: the seed catalog's matters cycled over the seed departments, each with
 * a unique 实施编码 and a name variant (as a city-wide catalog repeats matters per sub-item).
 */
export function generateMatters(count: number, tag = 'B'): MatterDocument[] {
  const index = JSON.parse(readFileSync(`${SEED_DIR}/index.json`, 'utf8')) as SeedIndex;
  const seeds = index.matters.map((m) => JSON.parse(readFileSync(`${SEED_DIR}/${m.file}`, 'utf8')) as MatterDocument);
  const departments = readSeedDepartments(SEED_DEPARTMENTS_FILE);
  const variants = ['', '（新办）', '（变更）', '（延续）', '（注销）', '（补证）', '（分支机构）', '（告知承诺）'];
  return Array.from({ length: count }, (_, i) => {
    const seed = seeds[i % seeds.length] as MatterDocument;
    const department = departments[i % departments.length] ?? departments[0];
    if (!department) throw new Error('no seed departments');
    const suffix = `${tag}${String(i).padStart(8, '0')}`;
    return {
      ...seed,
      code: `${department.code}${suffix}`,
      name: `${seed.name}${variants[Math.floor(i / seeds.length) % variants.length]}`,
      department: { ...seed.department, code: department.code, name: department.name },
      // Flows name their own department as $owner; other departments stay as in the seed.
    } as MatterDocument;
  });
}
