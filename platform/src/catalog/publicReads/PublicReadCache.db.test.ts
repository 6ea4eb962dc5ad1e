import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../infra';
import type { Db } from '../../kernel';
import { createPublicReadCache } from './PublicReadCache';

let db: Db;
beforeAll(async () => {
  db = await openDb({});
});
afterAll(async () => {
  await db?.close();
});

const stamp = async () => (await db.query<{ value: string }>('SELECT value::text AS value FROM catalog_stamp')).rows[0]?.value;
const rename = (name: string) => db.query("UPDATE departments SET name = $1 WHERE code = '11439901TESTCACHE0'", [name]);

/** Two caches on one database stand for two processes: neither hears of the other's writes. */
describe('public read cache', () => {
  beforeAll(async () => {
    await db.query("INSERT INTO departments (code, name, region) VALUES ('11439901TESTCACHE0', '缓存测试局', '439901')");
  });

  it('bumps the catalog stamp once per writing transaction, at commit', async () => {
    const before = Number(await stamp());
    await db.transaction(async (tx) => {
      await tx.query("UPDATE departments SET name = '甲' WHERE code = '11439901TESTCACHE0'");
      await tx.query("UPDATE departments SET name = '乙' WHERE code = '11439901TESTCACHE0'");
    });
    expect(Number(await stamp())).toBe(before + 1);
    await expect(
      db.transaction(async (tx) => {
        await tx.query("UPDATE departments SET name = '丙' WHERE code = '11439901TESTCACHE0'");
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(Number(await stamp())).toBe(before + 1);
  });

  it('sees another process’s write once it revalidates, its own write at once, and a new day at once', async () => {
    let now = 0;
    const options = { db, revalidateMs: 1000, monotonicMs: () => now };
    const self = createPublicReadCache(options);
    const other = createPublicReadCache(options);
    const read = (cache: typeof self, today = '2026-12-02') =>
      cache.get('department', today, async () => {
        const result = await db.query<{ name: string }>("SELECT name FROM departments WHERE code = '11439901TESTCACHE0'");
        return result.rows[0]?.name;
      });
    await rename('一');
    const first = await read(self);
    expect(first.value).toBe('一');
    await read(other);
    await rename('二');
    self.invalidate();
    const mine = await read(self);
    expect(mine.value).toBe('二');
    expect(mine.etag).not.toBe(first.etag);
    // The other process keeps its answer until its next look at the stamp, at most revalidateMs on.
    expect((await read(other)).value).toBe('一');
    expect((await read(other, '2026-12-03')).value).toBe('二');
    await rename('三');
    expect((await read(other, '2026-12-03')).value).toBe('二');
    now += 1001;
    expect((await read(other, '2026-12-03')).value).toBe('三');
  });

  it('does not store what a read loaded before a write it raced with', async () => {
    const cache = createPublicReadCache({ db, revalidateMs: 60_000 });
    let release: () => void = () => {};
    let loading: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const isLoading = new Promise<void>((resolve) => (loading = resolve));
    const slow = cache.get('key', '2026-12-02', async () => {
      loading();
      await gate;
      return 'old';
    });
    await isLoading;
    cache.invalidate();
    release();
    expect((await slow).value).toBe('old');
    expect((await cache.get('key', '2026-12-02', async () => 'new')).value).toBe('new');
  });
});
