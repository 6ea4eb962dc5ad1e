import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../platform/src/infra';
import { LOCK_FILE } from '../../platform/src/infra/store/lockDataDir';
import type { Db } from '../../platform/src/kernel';

describe('a PGlite data directory', () => {
  let dataDir: string;
  let db: Db;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'mf-locked-'));
    db = await openDb({ dataDir });
  });
  afterAll(async () => {
    await db?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('cannot be opened twice, and is free again after close', async () => {
    await expect(openDb({ dataDir })).rejects.toThrow(`in use by process ${process.pid}`);
    // The refused open changed nothing: the first holder still works.
    expect((await db.query<{ n: number }>('SELECT 1 AS n')).rows).toEqual([{ n: 1 }]);
    await db.close();
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
    db = await openDb({ dataDir });
    expect((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations')).rows[0]?.n).toBeGreaterThan(0);
  });
});
