import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** A database of its own for one bench: a new PGlite data directory, or a database on the PostgreSQL server. */
export interface Scratch {
  env: Record<string, string | undefined>;
  dbOptions: { databaseUrl?: string; dataDir?: string };
  drop(): Promise<void>;
}

export function pgliteScratch(): Scratch {
  const dir = mkdtempSync(join(tmpdir(), 'mf-bench-'));
  const dataDir = join(dir, 'data');
  return {
    env: { DATA_DIR: dataDir, DATABASE_URL: undefined },
    dbOptions: { dataDir },
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

export async function postgresScratch(serverUrl: string): Promise<Scratch> {
  const name = `mf_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    dbOptions: { databaseUrl: url.toString() },
    async drop() {
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
