import type { Db } from '../../kernel';
import { openPglite } from './openPglite';
import { openPostgres } from './openPostgres';
import { migrate } from './migrate';

/** PostgreSQL when a URL is given, else embedded PGlite (in memory when `dataDir` is undefined). */
export async function openDb({ databaseUrl, dataDir }: { databaseUrl?: string; dataDir?: string }): Promise<Db> {
  const db = databaseUrl ? await openPostgres({ url: databaseUrl }) : await openPglite({ dataDir });
  await migrate(db);
  return db;
}
