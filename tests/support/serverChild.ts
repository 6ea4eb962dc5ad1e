import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

export interface ServerChild {
  url: string;
  pid: number;
  /** Milliseconds from spawn to the "listening" line. */
  startMs: number;
  /** Everything the server printed so far (for failure messages). */
  output(): string;
  /** Sends `signal` and waits until the process is gone. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

/**
 * The real server (`platform/src/main.ts`, through tests/support/serverEntry.ts) in a child
 * process, so that it can be killed like a production process: no `close()`, no finally blocks.
 * `image` is a PGlite template tarball a new data directory starts from (saves initdb, migrations
 * and seeding); the database URL or data directory come in `env`.
 */
export async function startServerChild({
  env,
  image,
  entry = 'tests/support/serverEntry.ts',
  listenTimeoutMs = 90_000,
}: {
  env: Record<string, string | undefined>;
  image?: string | undefined;
  /** Another entry that logs the same "listening" line (the benchmark's server). */
  entry?: string;
  /** A first start on a new data directory without `image` runs initdb, migrations and the seed. */
  listenTimeoutMs?: number;
}): Promise<ServerChild> {
  const started = performance.now();
  const merged: Record<string, string | undefined> = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    NODE_ENV: 'development',
    MATTERFLOW_DEMO: 'true',
    MATTERFLOW_TEST_IMAGE: image,
    ...env,
  };
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', entry], {
    env: Object.fromEntries(Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== undefined)),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  const exited = once(child, 'exit');
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server not listening after ${listenTimeoutMs / 1000} s:\n${text.slice(-2000)}`)),
      listenTimeoutMs,
    );
    const onData = () => {
      const match = /"url":"(http:[^"]+)"[^\n]*Matterflow listening/.exec(text);
      if (!match?.[1]) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      resolve(match[1]);
    };
    child.stdout?.on('data', onData);
    void exited.then(([code, signal]) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${String(code ?? signal)}) before listening:\n${text.slice(-2000)}`));
    });
  });
  return {
    url,
    pid: child.pid ?? 0,
    startMs: performance.now() - started,
    output: () => text,
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
