import { existsSync, readFileSync } from 'node:fs';
import type { LawEntry } from '@matterflow/schemas';
import type { Clock, Db } from '../kernel';
import { checkLawEntry } from './checkLawEntry';
import { insertLawsIfAbsent } from './lawStore';

/**
 * At start: every entry of the seed register (schemas/catalog/laws.json) whose id the store lacks.
 * An entry the legal clerk edited is never overwritten. A seed entry that fails law.schema.json
 * stops start-up, naming it, as a bad seed matter does. Without the file there is nothing to seed
 * (a data directory set up for another region). Returns the ids inserted.
 */
export async function seedLaws(deps: { db: Db; clock: Clock }, { file }: { file: string }): Promise<string[]> {
  if (!existsSync(file)) return [];
  const entries = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  if (!Array.isArray(entries)) throw new Error(`law register ${file}: expected an array of entries`);
  const knownIds = new Set(entries.map((entry) => String((entry as { id?: unknown }).id)));
  entries.forEach((entry: unknown, i) => {
    const issues = checkLawEntry(entry, { knownIds });
    if (issues.length > 0) throw new Error(`law register ${file} entry ${i}: ${JSON.stringify(issues)}`);
  });
  const updatedAt = deps.clock.now().toISOString();
  return insertLawsIfAbsent(deps.db, entries as LawEntry[], { updatedBy: 'system', updatedAt });
}
