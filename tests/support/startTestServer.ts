import { loadConfig } from '../../platform/src/infra';
import { startServer, type RunningServer } from '../../platform/src/server/startServer';
import type { Clock } from '../../platform/src/kernel';
import { createTestDatabase } from './testDatabase';
import { TestClient } from './TestClient';
import { responseContract } from './openApiContract';
import { buildOpenApi } from '../../platform/src/http';

export interface TestServer extends RunningServer {
  /** A client with no session. */
  anonymous(): TestClient;
  /** A client logged in as one of the demo accounts (password matterflow-demo). */
  login(username: string): Promise<TestClient>;
}

export const DEMO_PASSWORD = 'matterflow-demo';

/** A real server on a random port over a private database, with demo accounts. */
export async function startTestServer({
  shouldSeedCatalog = false,
  clock,
  env = {},
  portalDir,
  adminDir,
}: {
  shouldSeedCatalog?: boolean;
  clock?: Clock;
  env?: Record<string, string>;
  portalDir?: string;
  adminDir?: string;
} = {}): Promise<TestServer> {
  // The templates hold what a default test start-up seeds; another configuration starts from the schema only.
  const isDefaultSetup = !['NODE_ENV', 'MATTERFLOW_DEMO', 'SEED_DIR', 'MATTERFLOW_REGION'].some((key) => key in env);
  const database = await createTestDatabase({
    template: isDefaultSetup ? (shouldSeedCatalog ? 'catalog' : 'demo') : 'migrated',
  });
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: ':memory:',
    ...(database.databaseUrl ? { DATABASE_URL: database.databaseUrl } : {}),
    ...env,
  });
  const running = await startServer({
    config,
    shouldSeedCatalog,
    ...(clock ? { clock } : {}),
    ...(portalDir ? { portalDir } : {}),
    ...(adminDir ? { adminDir } : {}),
  });
  // Every answer a test client gets is held to the document the server publishes.
  const contract = responseContract(buildOpenApi(running.routes));
  return {
    ...running,
    async close() {
      await running.close();
      await database.drop();
    },
    anonymous: () => new TestClient(running.url, contract),
    async login(username: string) {
      const client = new TestClient(running.url, contract);
      await client.login(username, DEMO_PASSWORD);
      return client;
    },
  };
}
