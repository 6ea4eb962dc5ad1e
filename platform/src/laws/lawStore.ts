import type { LawEntry } from '@matterflow/schemas';
import type { Queryable } from '../kernel';

export interface StoredLaw {
  entry: LawEntry;
  updatedBy: string;
  updatedAt: string;
}

interface LawRow {
  document: LawEntry | string;
  updated_by: string;
  updated_at: Date | string;
}

// PGlite and pg both parse jsonb; a string would mean a driver that does not.
const storedOf = (row: LawRow): StoredLaw => ({
  entry: typeof row.document === 'string' ? (JSON.parse(row.document) as LawEntry) : row.document,
  updatedBy: row.updated_by,
  updatedAt: new Date(row.updated_at).toISOString(),
});

export async function listStoredLaws(q: Queryable): Promise<StoredLaw[]> {
  const result = await q.query<LawRow>('SELECT document, updated_by, updated_at FROM law_register ORDER BY id');
  return result.rows.map(storedOf);
}

export async function findStoredLaw(q: Queryable, id: string, { isForUpdate = false } = {}): Promise<StoredLaw | undefined> {
  const result = await q.query<LawRow>(
    `SELECT document, updated_by, updated_at FROM law_register WHERE id = $1${isForUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  const row = result.rows[0];
  return row ? storedOf(row) : undefined;
}

export async function upsertLaw(q: Queryable, law: StoredLaw): Promise<void> {
  await q.query(
    `INSERT INTO law_register (id, document, updated_by, updated_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (id) DO UPDATE SET document = EXCLUDED.document, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
    [law.entry.id, JSON.stringify(law.entry), law.updatedBy, law.updatedAt],
  );
}

/**
 * Inserts the entries whose id is not stored yet, in one statement (the seed runs at every start);
 * an entry someone stored or edited before is never overwritten. Returns the ids inserted.
 */
export async function insertLawsIfAbsent(
  q: Queryable,
  entries: readonly LawEntry[],
  { updatedBy, updatedAt }: { updatedBy: string; updatedAt: string },
): Promise<string[]> {
  if (entries.length === 0) return [];
  const result = await q.query<{ id: string }>(
    `INSERT INTO law_register (id, document, updated_by, updated_at)
     SELECT e->>'id', e, $2, $3 FROM jsonb_array_elements($1::jsonb) e
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [JSON.stringify(entries), updatedBy, updatedAt],
  );
  const inserted = new Set(result.rows.map((row) => row.id));
  return entries.map((entry) => entry.id).filter((id) => inserted.has(id));
}
