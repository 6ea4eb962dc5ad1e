import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * What an operator does: `npm start`, then `kill <the npm process>`. The server must not be left
 * running as an orphan holding the port and the data directory.
 */
describe('npm start', () => {
  it.skipIf(Boolean(process.env.DATABASE_URL))(
    'stops the server when the npm process is killed',
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'mf-npm-'));
      const npm = spawn('npm', ['start', '--silent'], {
        env: { ...process.env, PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'info', NODE_ENV: 'development' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      try {
        const serverPid = await new Promise<number>((resolve, reject) => {
          let output = '';
          // npm start builds both web apps and, on a new data directory, prepares it: minutes on a busy machine.
          const timer = setTimeout(() => reject(new Error(`no listening line: ${output.slice(-500)}`)), 240_000);
          npm.stdout.on('data', (chunk: Buffer) => {
            output += chunk.toString();
            const line = output.split('\n').find((text) => text.includes('Matterflow listening'));
            if (!line) return;
            clearTimeout(timer);
            resolve((JSON.parse(line) as { pid: number }).pid);
          });
          npm.once('exit', (code) => reject(new Error(`npm exited with ${code}: ${output.slice(-500)}`)));
        });
        expect(serverPid).not.toBe(npm.pid);
        npm.kill('SIGTERM');
        const deadline = Date.now() + 15_000;
        while (isAlive(serverPid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
        expect(isAlive(serverPid), `server ${serverPid} still running after npm was killed`).toBe(false);
      } finally {
        npm.kill('SIGKILL');
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
    300_000,
  );
});
