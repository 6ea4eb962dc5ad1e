import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../platform/src/infra';
import { startServer } from '../../platform/src/server/startServer';
import { createTestDatabase } from '../support/testDatabase';

describe('starting the server', () => {
  let blocker: Server;
  let port: number;
  beforeAll(async () => {
    blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    port = (blocker.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => blocker.close(() => resolve())));

  it('on a busy port says so, in Chinese and English, and releases the database', async () => {
    const database = await createTestDatabase();
    try {
      const config = loadConfig({
        NODE_ENV: 'test',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: ':memory:',
        ...(database.databaseUrl ? { DATABASE_URL: database.databaseUrl } : {}),
      });
      await expect(startServer({ config, shouldSeedCatalog: false })).rejects.toThrow(
        new RegExp(`端口 ${port} 已被占用.*port ${port} is already in use`),
      );
    } finally {
      await database.drop();
    }
  });
});
