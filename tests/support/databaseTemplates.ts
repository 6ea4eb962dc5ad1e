import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { loadConfig, openDb } from '../../platform/src/infra';
import { setDatabaseImage } from '../../platform/src/infra/store/databaseImage';
import type { PgliteDb } from '../../platform/src/infra/store/openPglite';
import type { Db } from '../../platform/src/kernel';
import { bootstrap } from '../../platform/src/server/bootstrap';
import { TEMPLATES, type Template } from './templateNames';
import { fixedClock } from '../../platform/src/kernel';

const TEMPLATE_CLOCK = fixedClock('2025-06-02T02:00:00Z');

/**
 * vitest globalSetup: prepares each template once per test run, so a test file's private database
 * costs a copy instead of initdb + migrations + seeding (scrypt for every demo account, 40 matters).
 * PGlite: a data-directory tarball per template, which a test file loads into memory.
 * PostgreSQL (DATABASE_URL): a template database per template, cloned by CREATE DATABASE ... TEMPLATE.
 * The server still runs its whole start-up on the copy; the template only makes it find the work done.
 */
let cleanup: () => Promise<void> = async () => undefined;

const isPgliteDb = (db: Db): db is PgliteDb => 'dumpDataDir' in db;

/** What the server would have done by the end of bootstrap for that template, on `db`. */
async function prepare(template: Template, env: Record<string, string>): Promise<Db> {
  if (template === 'migrated') return openDb({ databaseUrl: env.DATABASE_URL });
  const booted = await bootstrap({
    config: loadConfig({ NODE_ENV: 'test', DATA_DIR: ':memory:', ...env }),
    // The seed publishes each matter effective on the day it runs. A fixed day long before any test
    // clock keeps the seed catalog in force for tests that pin their clock to a date (a template
    // seeded on the real day would be "not yet in force" for them once the real day moved on).
    clock: TEMPLATE_CLOCK,
    shouldSeedCatalog: template === 'catalog',
  });
  return booted.deps.db;
}

async function preparePglite(project: TestProject): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'mf-templates-'));
  const files = {} as Record<Template, string>;
  for (const template of TEMPLATES) {
    const db = await prepare(template, {});
    if (!isPgliteDb(db)) throw new Error('expected an embedded database');
    const image = await db.dumpDataDir();
    await db.close();
    files[template] = join(dir, `${template}.tar`);
    writeFileSync(files[template], Buffer.from(await image.arrayBuffer()));
    // The next template builds on this one.
    setDatabaseImage(image);
  }
  setDatabaseImage(undefined);
  project.provide('pgliteImages', files);
  cleanup = async () => rmSync(dir, { recursive: true, force: true });
}

async function preparePostgres(project: TestProject, serverUrl: string): Promise<void> {
  const run = `${process.pid}_${Date.now().toString(36)}`;
  const names = Object.fromEntries(TEMPLATES.map((t) => [t, `mf_tpl_${t}_${run}`])) as Record<Template, string>;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    let previous: string | undefined;
    for (const template of TEMPLATES) {
      await admin.query(`CREATE DATABASE ${names[template]}${previous ? ` TEMPLATE ${previous}` : ''}`);
      const url = new URL(serverUrl);
      url.pathname = `/${names[template]}`;
      const db = await prepare(template, { DATABASE_URL: url.toString() });
      await db.close();
      previous = names[template];
    }
  } finally {
    await admin.end();
  }
  project.provide('postgresTemplates', names);
  cleanup = async () => {
    const dropper = new pg.Client({ connectionString: serverUrl });
    await dropper.connect();
    for (const name of Object.values(names)) await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await dropper.end();
  };
}

export async function setup(project: TestProject): Promise<void> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) await preparePostgres(project, serverUrl);
  else await preparePglite(project);
}

export async function teardown(): Promise<void> {
  await cleanup();
}
