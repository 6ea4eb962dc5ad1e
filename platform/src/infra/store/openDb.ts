import type { Db } from '../../kernel';
import { openPglite } from './openPglite';
import { openPostgres } from './openPostgres';
import { analyze } from './analyze';
import { migrate } from './migrate';

/** PostgreSQL when a URL is given, else embedded PGlite (in memory when `dataDir` is undefined). */
export async function openDb({ databaseUrl, dataDir }: { databaseUrl?: string; dataDir?: string }): Promise<Db> {
  const db = databaseUrl ? await openPostgres({ url: databaseUrl }) : await openPglite({ dataDir });
  // A migration may add tables or indexes the planner knows nothing about yet.
  if ((await migrate(db)).length > 0) await analyze(db);
  return db;
}
