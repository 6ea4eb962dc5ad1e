import { PGlite, types } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { mkdirSync } from 'node:fs';
import type { Db, Queryable, QueryResult } from '../../kernel';

/** `date` columns stay 'YYYY-MM-DD' strings: a JS Date would shift them by the server's time zone. */
const parsers = { [types.DATE]: (value: string) => value };

function wrap(conn: Pick<PGlite, 'query' | 'exec'>): Queryable {
  return {
    async query<T>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<T>> {
      const result = await conn.query<T>(sql, params as unknown[]);
      return { rows: result.rows, rowCount: result.affectedRows || result.rows.length };
    },
    async exec(sql: string) {
      await conn.exec(sql);
    },
  };
}

/** Embedded PostgreSQL (WebAssembly). `dataDir` undefined keeps the database in memory (tests). */
export async function openPglite({ dataDir }: { dataDir?: string }): Promise<Db> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create({ dataDir, parsers, extensions: { pg_trgm } });
  const base = wrap(pglite);
  return {
    kind: 'pglite',
    ...base,
    transaction: (work) => pglite.transaction((tx) => work(wrap(tx))),
    close: () => pglite.close(),
  };
}
