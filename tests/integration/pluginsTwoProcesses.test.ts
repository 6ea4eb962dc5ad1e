import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../platform/src/infra';
import { SYSTEM_ACTOR } from '../../platform/src/kernel';
import { startServer, type RunningServer } from '../../platform/src/server/startServer';
import { foodLicence, scjgCode } from '../support/matterFixtures';
import { hookTarget, pluginBundle, validateInput } from '../support/pluginBundles';
import { publishMatter } from '../support/publishMatter';
import { startTestServer, type TestServer } from '../support/startTestServer';
import type { TestClient } from '../support/TestClient';

/**
 * Two platform instances on one PostgreSQL database (PGlite is one process by design), each with
 * its own host, caches and sandbox pool: a version enabled through one serves on the other from
 * its next call, with no notification between them.
 */
describe.skipIf(!process.env.DATABASE_URL)('a switch seen by another platform process', () => {
  let server: TestServer;
  let other: RunningServer;
  let admin: TestClient;
  let scjg: string;
  let food: string;

  beforeAll(async () => {
    server = await startTestServer();
    scjg = scjgCode();
    const document = foodLicence({ suffix: '0001310240911' });
    food = document.code;
    await publishMatter(await server.login('legal'), document);
    other = await startServer({
      config: loadConfig({
        NODE_ENV: 'test',
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: ':memory:',
        DATABASE_URL: server.config.databaseUrl ?? '',
      }),
      shouldSeedCatalog: false,
    });
    admin = await server.login('scjg_admin');
  }, 180_000);
  afterAll(async () => {
    await other?.close();
    await server?.close();
  });

  const servedByOther = async () => {
    const [outcome] = await other.plugins.run(
      { actor: SYSTEM_ACTOR },
      hookTarget(food, scjg, [{ id: 'host-two', major: 1, onFailure: 'block' }]),
      'validate',
      validateInput(food, scjg),
    );
    return outcome?.ok ? outcome.version : outcome?.failure.kind;
  };

  it('serves v1.1.0 on the other process at its next call, and v1.0.0 after the rollback', async () => {
    for (const version of ['1.0.0', '1.1.0']) {
      const uploaded = await admin.post(
        '/api/plugins',
        pluginBundle({ id: 'host-two', version, department: scjg, matters: [food] }),
      );
      expect(uploaded.status, uploaded.text).toBe(201);
      expect(uploaded.body.state, JSON.stringify(uploaded.body.check)).toBe('checked');
    }
    expect(await servedByOther()).toBe('not_enabled');
    const enable = (version: string) => admin.post(`/api/plugins/host-two/versions/${version}/transitions`, { to: 'enabled' });
    expect((await enable('1.0.0')).status).toBe(200);
    expect(await servedByOther()).toBe('1.0.0');
    expect((await enable('1.1.0')).status).toBe(200);
    expect(await servedByOther()).toBe('1.1.0');
    expect((await enable('1.0.0')).status).toBe(200);
    expect(await servedByOther()).toBe('1.0.0');
  }, 180_000);
});
