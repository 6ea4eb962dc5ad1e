import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startScheduler } from '../scheduler';
import { bootstrap, type Bootstrapped } from './bootstrap';

export interface RunningServer extends Bootstrapped {
  server: Server;
  url: string;
  /** Stops accepting connections, lets requests in flight finish, then closes the database. */
  close(): Promise<void>;
}

function listenError(error: NodeJS.ErrnoException, host: string, port: number): Error {
  if (error.code === 'EADDRINUSE')
    return new Error(`端口 ${port} 已被占用（${host}:${port}），请停止占用它的程序或设置 PORT / port ${port} is already in use`);
  if (error.code === 'EACCES')
    return new Error(`没有权限监听 ${host}:${port}（1024 以下端口需要特权）/ no permission to listen on ${host}:${port}`);
  if (error.code === 'EADDRNOTAVAIL')
    return new Error(`本机没有地址 ${host}，请检查 HOST / address ${host} is not on this machine`);
  return error;
}

export async function startServer(options: Parameters<typeof bootstrap>[0]): Promise<RunningServer> {
  const booted = await bootstrap(options);
  const { config } = booted;
  let server: Server;
  try {
    server = await new Promise<Server>((resolve, reject) => {
      // Express 5 calls back with the listen error instead of emitting it.
      const listening = booted.app.listen(config.port, config.host, (error?: Error) =>
        error ? reject(error) : resolve(listening),
      );
    });
  } catch (error) {
    await booted.closePlugins();
    await booted.deps.db.close();
    throw listenError(error as NodeJS.ErrnoException, config.host, config.port);
  }
  server.keepAliveTimeout = 5_000;
  const { port } = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' ? '127.0.0.1' : config.host;
  // Due timers (the acceptance deadline) fire while the server runs; close waits for a round in progress.
  const scheduler = startScheduler(booted.deps, { handlers: booted.timerHandlers });
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
        await scheduler.stop();
        // Usage counted since the last flush is written while the database is still open.
        await booted.closePlugins();
        await booted.deps.db.close();
        booted.files.dispose();
      })();
      return closing;
    },
  };
}
