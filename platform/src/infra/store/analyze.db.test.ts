import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../kernel';
import { analyze, isWrite, keepStatisticsFresh } from './analyze';
import { openPglite } from './openPglite';

describe('planner statistics', () => {
  let db: Db;
  const hasStatistics = async (table: string) =>
    ((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stats WHERE tablename = $1', [table])).rows[0]?.n ?? 0) >
    0;

  beforeAll(async () => {
    db = await openPglite({});
  });
  afterAll(async () => {
    await db?.close();
  });

  it('knows which statements write rows', () => {
    expect(['INSERT INTO t VALUES (1)', ' update t set a = 1', 'DELETE FROM t', 'copy t from stdin'].every(isWrite)).toBe(true);
    expect(['SELECT 1', 'WITH x AS (SELECT 1) SELECT * FROM x', 'ANALYZE'].some(isWrite)).toBe(false);
  });

  it('analyze(db) gives a new table statistics', async () => {
    await db.exec('CREATE TABLE stats_a (id int); INSERT INTO stats_a SELECT generate_series(1, 500)');
    expect(await hasStatistics('stats_a')).toBe(false);
    await analyze(db);
    expect(await hasStatistics('stats_a')).toBe(true);
  });

  it('refreshes on its interval only when rows were written, and stops', async () => {
    await db.exec('CREATE TABLE stats_b (id int); INSERT INTO stats_b SELECT generate_series(1, 500)');
    let writes = [false, true];
    const stop = keepStatisticsFresh(db, { intervalMs: 20, takeWrites: () => writes.shift() ?? false });
    try {
      await expect.poll(() => hasStatistics('stats_b'), { timeout: 5000, interval: 50 }).toBe(true);
      expect(writes).toEqual([]);
    } finally {
      stop();
    }
    writes = [true];
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(writes).toEqual([true]);
  });
});
