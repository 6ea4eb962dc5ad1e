import { PGlite, types } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Db, Queryable, QueryResult } from '../../kernel';
import { isWrite, keepStatisticsFresh } from './analyze';
import { lockDataDir } from './lockDataDir';
import { PGLITE_ANALYZE_INTERVAL_MS, pgliteStartParams } from './pgliteSettings';
import { databaseImage } from './databaseImage';
import { initDataDirApart } from './initDataDirApart';

/** `date` columns stay 'YYYY-MM-DD' strings: a JS Date would shift them by the server's time zone. */
const parsers = { [types.DATE]: (value: string) => value };

/** `noteWrite` sees every statement, so that statistics are refreshed only after writes. */
function wrap(conn: Pick<PGlite, 'query' | 'exec'>, noteWrite: (sql: string) => void = () => undefined): Queryable {
  return {
    async query<T>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<T>> {
      noteWrite(sql);
      const result = await conn.query<T>(sql, params as unknown[]);
      return { rows: result.rows, rowCount: result.affectedRows || result.rows.length };
    },
    async exec(sql: string) {
      noteWrite(sql);
      await conn.exec(sql);
    },
  };
}

/** A PGlite database can be dumped: the test template is one. */
export type PgliteDb = Db & { dumpDataDir(): Promise<Blob> };

/**
 * Embedded PostgreSQL (WebAssembly). `dataDir` undefined keeps the database in memory (tests). A
 * new database starts from the database image when one is set. A data directory is locked to this process
 * until `close()`.
 */
export async function openPglite({ dataDir }: { dataDir?: string }): Promise<PgliteDb> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const lock = dataDir ? lockDataDir(dataDir) : undefined;
  const isNew = !dataDir || !existsSync(join(dataDir, 'PG_VERSION'));
  const image = isNew ? databaseImage() : undefined;
  let pglite: PGlite;
  try {
    if (dataDir && isNew && !image) await initDataDirApart(dataDir, pgliteStartParams());
    pglite = await PGlite.create({
      dataDir,
      parsers,
      extensions: { pg_trgm },
      startParams: pgliteStartParams(),
      ...(image ? { loadDataDir: image } : {}),
    });
  } catch (error) {
    lock?.release();
    throw error;
  }
  let hasWritten = false;
  const noteWrite = (sql: string) => {
    if (isWrite(sql)) hasWritten = true;
  };
  const base = wrap(pglite, noteWrite);
  const stopAnalyzing = keepStatisticsFresh(base, {
    intervalMs: PGLITE_ANALYZE_INTERVAL_MS,
    takeWrites: () => {
      const had = hasWritten;
      hasWritten = false;
      return had;
    },
  });
  return {
    kind: 'pglite',
    ...base,
    transaction: (work) => pglite.transaction((tx) => work(wrap(tx, noteWrite))),
    async close() {
      stopAnalyzing();
      try {
        await pglite.close();
      } finally {
        lock?.release();
      }
    },
    dumpDataDir: () => pglite.dumpDataDir('none'),
  };
}
