import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { setDatabaseImage } from '../../platform/src/infra/store/databaseImage';
import type { Template } from './templateNames';

const images = new Map<Template, Blob>();

/**
 * What vitest's globalSetup provided; nothing outside a test run (the benchmark starts test servers
 * too), and then every database is made from scratch.
 */
function provided<K extends 'pgliteImages' | 'postgresTemplates'>(key: K) {
  try {
    return inject(key);
  } catch {
    return undefined;
  }
}

/** The template's tarball, read once per test file; undefined when no globalSetup prepared one. */
function pgliteImage(template: Template): Blob | undefined {
  const file = provided('pgliteImages')?.[template];
  if (!file) return undefined;
  let image = images.get(template);
  if (!image) {
    image = new Blob([readFileSync(file)]);
    images.set(template, image);
  }
  return image;
}

/** New embedded databases opened from now on (by the server's start-up too) start from `template`. */
export function useTemplate(template: Template): void {
  setDatabaseImage(pgliteImage(template));
}

/**
 * A private database for one test file, copied from a prepared template (see databaseTemplates.ts):
 * in-memory PGlite by default, or a fresh database on the PostgreSQL server named by DATABASE_URL
 * (CI), dropped afterwards.
 */
export async function createTestDatabase({ template = 'migrated' }: { template?: Template } = {}): Promise<{
  databaseUrl: string | undefined;
  drop(): Promise<void>;
}> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    useTemplate(template);
    return { databaseUrl: undefined, drop: async () => undefined };
  }
  const name = `mf_test_${randomBytes(6).toString('hex')}`;
  const source = provided('postgresTemplates')?.[template];
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}${source ? ` TEMPLATE ${source}` : ''}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    databaseUrl: url.toString(),
    async drop() {
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
