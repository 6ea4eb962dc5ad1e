import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { once } from 'node:events';

export interface ServerProcess {
  url: string;
  pid: number;
  /** Milliseconds from spawn to the "listening" log line (bootstrap: migrations, checks, seed). */
  startMs: number;
  stop(): Promise<void>;
}

/**
 * The real server in a child process (`node --import tsx platform/src/main.ts`), so its memory is
 * its own and not the benchmark's. Resolves once it logs that it listens.
 */
export async function startServerProcess(
  env: Record<string, string | undefined>,
  entry = 'platform/src/main.ts',
): Promise<ServerProcess> {
  const started = process.hrtime.bigint();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', entry], {
    env: withoutUnset({ ...process.env, PORT: '0', LOG_LEVEL: 'info', NODE_ENV: 'development', ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /"url":"(http:[^"]+)"/.exec(output);
      if (match?.[1]) {
        child.stdout?.off('data', onData);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening:\n${output.slice(-2000)}`)));
  });
  const startMs = Number(process.hrtime.bigint() - started) / 1e6;
  child.stdout?.resume();
  return {
    url,
    pid: child.pid ?? 0,
    startMs,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Resident set size now and its high-water mark, in MiB, from /proc/<pid>/status (Linux). */
export function memoryOf(pid: number): { rssMiB: number; hwmMiB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rssMiB: kib('VmRSS') / 1024, hwmMiB: kib('VmHWM') / 1024 };
}

/** `undefined` removes a variable (e.g. DATABASE_URL for a PGlite run). */
function withoutUnset(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
