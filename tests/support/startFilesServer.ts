import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../platform/src/infra';
import { buildOpenApi, createApp } from '../../platform/src/http';
import { findSession } from '../../platform/src/identity';
import { filesRoutes, type CanStaffOpen, type ResolveUpload } from '../../platform/src/files';
import { bootstrap, type Bootstrapped } from '../../platform/src/server/bootstrap';
import { sessionSettingsOf } from '../../platform/src/server/composeRoutes';
import { createTestDatabase } from './testDatabase';
import { TestClient } from './TestClient';
import { responseContract } from './openApiContract';
import { DEMO_PASSWORD } from './startTestServer';

export interface FilesTestServer extends Bootstrapped {
  url: string;
  anonymous(): TestClient;
  login(username: string, password?: string): Promise<TestClient>;
  close(): Promise<void>;
}

/**
 * The real server (start-up, database, sessions, every route) with the files routes given the
 * rules a test decides, standing in for intake's: intake is composed later, and these tests are
 * about what the files module does with whatever rules it is given.
 */
export async function startFilesServer({
  resolveUpload,
  canStaffOpen,
  env = {},
}: {
  resolveUpload: ResolveUpload;
  canStaffOpen: CanStaffOpen;
  env?: Record<string, string>;
}): Promise<FilesTestServer> {
  const database = await createTestDatabase({ template: 'demo' });
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: ':memory:',
    ...(database.databaseUrl ? { DATABASE_URL: database.databaseUrl } : {}),
    ...env,
  });
  const booted = await bootstrap({ config, shouldSeedCatalog: false });
  const { db, clock, logger } = booted.deps;
  const routes = [
    ...booted.routes.filter((route) => !route.path.startsWith('/files')),
    // No case results here: a citizen opens only their own uploads.
    ...filesRoutes(booted.deps, { ...booted.files, resolveUpload, canStaffOpen, canRecipientOpen: async () => false }),
  ];
  const sessions = sessionSettingsOf(config);
  const app = createApp({
    routes,
    logger,
    settings: { bodyLimitBytes: config.bodyLimitBytes, isSecureCookies: false, trustProxy: false },
    findSession: (token) => findSession({ db, clock, sessions }, token),
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(0, '127.0.0.1', (error?: Error) => (error ? reject(error) : resolve(listening)));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const contract = responseContract(buildOpenApi(routes));
  return {
    ...booted,
    routes,
    url,
    anonymous: () => new TestClient(url, contract),
    async login(username, password = DEMO_PASSWORD) {
      const client = new TestClient(url, contract);
      await client.login(username, password);
      return client;
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await db.close();
      booted.files.dispose();
      await database.drop();
    },
  };
}
