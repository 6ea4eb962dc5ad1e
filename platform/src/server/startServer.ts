import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bootstrap, type Bootstrapped } from './bootstrap';

export interface RunningServer extends Bootstrapped {
  server: Server;
  url: string;
  /** Stops accepting connections, lets requests in flight finish, then closes the database. */
  close(): Promise<void>;
}

export async function startServer(options: Parameters<typeof bootstrap>[0]): Promise<RunningServer> {
  const booted = await bootstrap(options);
  const { config } = booted.ctx;
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = booted.app.listen(config.port, config.host, () => resolve(listening));
    listening.once('error', reject);
  });
  server.keepAliveTimeout = 5_000;
  const { port } = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' ? '127.0.0.1' : config.host;
  let closing: Promise<void> | undefined;
  return {
    ...booted,
    server,
    url: `http://${host}:${port}`,
    close() {
      closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
        });
        await booted.ctx.db.close();
      })();
      return closing;
    },
  };
}
