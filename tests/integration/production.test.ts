import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../platform/src/identity';
import { loadConfig, openDb } from '../../platform/src/infra';
import { bootstrap } from '../../platform/src/server/bootstrap';
import { startServer } from '../../platform/src/server/startServer';
import { createTestDatabase } from '../support/testDatabase';
import { TestClient } from '../support/TestClient';

const run = promisify(execFile);

// Each CLI run is a process of its own that starts tsx and opens the store.
describe('production mode', { timeout: 120_000 }, () => {
  let dataDir: string | undefined;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let env: Record<string, string>;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = database.databaseUrl ? undefined : mkdtempSync(join(tmpdir(), 'mf-prod-'));
    env = {
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      ...(dataDir ? { DATA_DIR: dataDir } : {}),
      ...(database.databaseUrl ? { DATABASE_URL: database.databaseUrl } : {}),
    };
    // The data directory starts from the migrated template, as the PostgreSQL database does; a CLI
    // process run first would otherwise spend its time on initdb.
    if (dataDir) await (await openDb({ dataDir })).close();
  });
  afterAll(async () => {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    await database.drop();
  });

  /** The CLI as an operator runs it, in its own process against the same store. */
  const createUserCli = (args: string[], password: string) =>
    run(process.execPath, ['--import', 'tsx', 'platform/src/cli/createUserCli.ts', ...args], {
      env: { ...process.env, ...env, MATTERFLOW_PASSWORD: password },
    });

  it('seeds the catalog but no accounts', async () => {
    const booted = await bootstrap({ config: loadConfig(env) });
    try {
      // The CLI tests may have run first (shuffled): only demo accounts must be absent.
      const users = await booted.deps.db.query<{ n: number }>('SELECT count(*)::int AS n FROM users WHERE username = ANY($1)', [
        DEMO_ACCOUNTS.map((account) => account.username),
      ]);
      expect(users.rows[0]?.n).toBe(0);
      const matters = await booted.deps.db.query<{ n: number }>('SELECT count(*)::int AS n FROM matters');
      expect(matters.rows[0]?.n).toBeGreaterThanOrEqual(40);
    } finally {
      await booted.deps.db.close();
    }
  });

  // Validation of the input itself is createUser's (tests/integration/session.test.ts); each CLI
  // process costs seconds, so these runs cover what only a process shows: output, exit code, the store.
  it('creates users with the CLI, refuses a duplicate, and they can log in with a Secure cookie', async () => {
    const created = await createUserCli(
      ['--username', 'wang_legal', '--role', 'legal', '--display-name', '王法制'],
      'a-long-enough-secret',
    );
    expect(created.stdout).toContain('wang_legal');
    await expect(
      createUserCli(['--username', 'wang_legal', '--role', 'legal', '--display-name', '王法制'], 'a-long-enough-secret'),
    ).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('USER_EXISTS'),
    });

    const server = await startServer({ config: loadConfig({ ...env, PORT: '0', HOST: '127.0.0.1' }) });
    try {
      const client = new TestClient(server.url);
      const login = await client.login('wang_legal', 'a-long-enough-secret');
      expect(login.headers.get('set-cookie')).toMatch(/; Secure/i);
      const demo = await new TestClient(server.url).request('POST', '/api/session', {
        username: 'legal',
        password: 'matterflow-demo',
      });
      expect(demo.status).toBe(401);
    } finally {
      await server.close();
    }
  });

  it.skipIf(Boolean(process.env.DATABASE_URL))(
    'refuses the CLI while a server holds the PGlite data directory, naming its PID, and creates nothing',
    async () => {
      const args = ['--username', 'zhao_legal', '--role', 'legal', '--display-name', '赵法制'];
      const server = await startServer({ config: loadConfig({ ...env, PORT: '0', HOST: '127.0.0.1' }) });
      try {
        await expect(createUserCli(args, 'a-long-enough-secret')).rejects.toMatchObject({
          code: 1,
          stderr: expect.stringMatching(
            new RegExp(`正被进程 ${process.pid}[\\s\\S]*停止该进程[\\s\\S]*in use by process ${process.pid}[\\s\\S]*PostgreSQL`),
          ),
        });
        const users = await server.deps.db.query("SELECT 1 FROM users WHERE username = 'zhao_legal'");
        expect(users.rowCount).toBe(0);
      } finally {
        await server.close();
      }
      const created = await createUserCli(args, 'a-long-enough-secret');
      expect(created.stdout).toContain('zhao_legal');
    },
  );
});
