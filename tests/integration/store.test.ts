import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listMigrations, loadConfig, migrate, openDb } from '../../platform/src/infra';
import type { Db } from '../../platform/src/kernel';
import { bootstrap } from '../../platform/src/server/bootstrap';
import { createTestDatabase } from '../support/testDatabase';

describe('store', () => {
  let db: Db;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    db = await openDb({ databaseUrl: database.databaseUrl });
  });
  afterAll(async () => {
    await db?.close();
    await drop?.();
  });

  it('applies every migration once and records it', async () => {
    const recorded = await db.query<{ id: string }>('SELECT id FROM schema_migrations ORDER BY id');
    expect(recorded.rows.map((r) => r.id)).toEqual(listMigrations().map((m) => m.id));
    expect(await migrate(db)).toEqual([]);
  });

  it('rolls a failed transaction back completely', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.query("INSERT INTO departments (code, name, region) VALUES ('11439901TESTROLLBK', '回滚测试局', '439901')");
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const found = await db.query("SELECT 1 FROM departments WHERE code = '11439901TESTROLLBK'");
    expect(found.rowCount).toBe(0);
  });

  it('returns dates as YYYY-MM-DD strings on both drivers', async () => {
    const result = await db.query<{ d: unknown }>("SELECT '2026-10-01'::date AS d");
    expect(result.rows[0]?.d).toBe('2026-10-01');
  });
});

describe('start-up over stored documents', () => {
  // Two start-ups over a freshly seeded store: well over the default 30 s when the machine is busy.
  it('refuses to start, naming the code and version, when a stored document cannot be read', async () => {
    const database = await createTestDatabase();
    const dataDir = database.databaseUrl ? undefined : mkdtempSync(join(tmpdir(), 'mf-startup-'));
    const config = loadConfig({
      NODE_ENV: 'test',
      DATA_DIR: dataDir ?? ':memory:',
      ...(database.databaseUrl ? { DATABASE_URL: database.databaseUrl } : {}),
    });
    try {
      const first = await bootstrap({ config, shouldSeedCatalog: true });
      const { rows } = await first.deps.db.query<{ code: string }>('SELECT code FROM matter_versions ORDER BY code LIMIT 1');
      const code = rows[0]?.code ?? '';
      expect(code).not.toBe('');
      await first.deps.db.query(
        `UPDATE matter_versions SET document = jsonb_set(document, '{metaSchemaVersion}', '99') WHERE code = $1`,
        [code],
      );
      await first.deps.db.close();
      await expect(bootstrap({ config })).rejects.toThrow(new RegExp(`${code} v1: .*meta-schema 99`));
    } finally {
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
      await database.drop();
    }
  }, 120_000);
});
