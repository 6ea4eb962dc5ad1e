import { readFileSync } from 'node:fs';
import { readSeedDepartments } from '../../platform/src/departments';
import { SEED_DEPARTMENTS_FILE } from './seedFiles';

/**
 * The dirty fixture is written for a county “某县”; move each matter to the seed department of the
 * same kind so that only the deliberate defects remain (codes with a bad check digit stay as they are).
 */
export function dirtyCatalogForSeedDepartments(): { matters: any[] } {
  const catalog = JSON.parse(readFileSync('tests/fixtures/dirty-catalog.json', 'utf8'));
  // The defects the rules of the law register, the calendar and 三级四同 look for.
  catalog.matters.push(...JSON.parse(readFileSync('tests/fixtures/dirty-rules-catalog.json', 'utf8')).matters);
  const seeds = readSeedDepartments(SEED_DEPARTMENTS_FILE);
  const renamed = new Map<string, string>();
  for (const matter of catalog.matters) {
    const kind = String(matter.department.name).replace(/^某县/, '');
    const seed = seeds.find((d) => d.name.endsWith(kind));
    const oldCode = matter.department.code as string;
    // A bad check digit and an unregistered department are deliberate defects: keep them.
    if (!seed || ['114306210061000109', '11430621006100993W'].includes(oldCode)) continue;
    matter.department = { ...matter.department, code: seed.code, name: seed.name };
    if (typeof matter.code === 'string' && matter.code.startsWith(oldCode)) {
      renamed.set(matter.code, seed.code + matter.code.slice(18));
      matter.code = renamed.get(matter.code);
    }
  }
  // Prerequisites point at matters by code: follow the renames so the deliberate cycle stays a cycle.
  for (const matter of catalog.matters) {
    for (const prerequisite of matter.prerequisites ?? [])
      prerequisite.code = renamed.get(prerequisite.code) ?? prerequisite.code;
  }
  return catalog;
}

/** The matters of the dirty catalog that an import can store (the rows it refuses left out). */
export function storableDirtyMatters(catalog: { matters: any[] }, refusedRows: ReadonlySet<number>): any[] {
  return catalog.matters.filter((_matter: unknown, i: number) => !refusedRows.has(i + 1));
}
