import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EICAR } from './sampleFiles';

/** Where clamd is, or undefined (then the tests that need it say how to install it and skip). */
export function clamdBinary(): string | undefined {
  for (const candidate of ['/usr/sbin/clamd', '/usr/local/sbin/clamd']) if (existsSync(candidate)) return candidate;
  const found = spawnSync('sh', ['-c', 'command -v clamd'], { encoding: 'utf8' }).stdout.trim();
  return found || undefined;
}

function ping(socket: string): Promise<boolean> {
  return new Promise((resolve) => {
    const connection = connect({ path: socket });
    let answer = '';
    connection.on('data', (data) => (answer += data.toString()));
    connection.on('error', () => resolve(false));
    connection.on('close', () => resolve(answer.startsWith('PONG')));
    connection.on('connect', () => connection.write('zPING\0'));
    setTimeout(() => connection.destroy(), 2000);
  });
}

/**
 * A private clamd for the tests: its own config in a temporary directory, a unix socket there, and
 * a signature database of one line matching the EICAR test string (signature downloads are not
 * possible here, and are not needed to test the wiring). Resolves once clamd answers PING.
 */
export async function startClamd(binary: string): Promise<{ socket: string; stop(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'mf-clamd-'));
  const database = join(dir, 'db');
  mkdirSync(database);
  writeFileSync(join(database, 'eicar.ndb'), `Eicar-Test-Signature:0:*:${Buffer.from(EICAR, 'latin1').toString('hex')}\n`);
  const socket = join(dir, 'clamd.sock');
  const config = join(dir, 'clamd.conf');
  writeFileSync(
    config,
    [
      'Foreground yes',
      `LocalSocket ${socket}`,
      `DatabaseDirectory ${database}`,
      `TemporaryDirectory ${dir}`,
      `PidFile ${join(dir, 'clamd.pid')}`,
      // Uploads may be 50 MB; clamd's default stream limit is 25 MB.
      'StreamMaxLength 60M',
      'LogVerbose no',
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn(binary, ['-c', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (data) => (stderr += data.toString()));
  const deadline = Date.now() + 60_000;
  while (!(existsSync(socket) && (await ping(socket)))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`clamd did not start: ${stderr.slice(-2000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    socket,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
