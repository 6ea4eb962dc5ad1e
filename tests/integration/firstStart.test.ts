import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServerChild } from '../support/serverChild';

const PREPARING = '首次启动：正在创建并初始化数据目录';

/**
 * `npm start` on a machine that has never run it: the data directory is created, migrated and
 * seeded by a child process (its memory ends with it), and the server opens the result as after a
 * restart. The real entry, no database image. Not on PostgreSQL (the database suites' second run):
 * there the server never prepares a data directory.
 */
describe.skipIf(Boolean(process.env.DATABASE_URL))('a first start on the embedded database', () => {
  const root = mkdtempSync(join(tmpdir(), 'matterflow-first-start-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it(
    'prepares the data directory apart, then serves the seed catalog; a restart does not prepare again',
    { timeout: 300_000 },
    async () => {
      const dataDir = join(root, 'data');
      let published = 0;
      const first = await startServerChild({ env: { DATA_DIR: dataDir }, listenTimeoutMs: 240_000 });
      try {
        expect(first.output()).toContain(PREPARING);
        published = ((await (await fetch(`${first.url}/api/matters?pageSize=1`)).json()) as { total: number }).total;
        // The seed catalog: 45 matters, all but one published.
        expect(published).toBe(44);
        const login = await fetch(`${first.url}/api/session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'legal', password: 'matterflow-demo' }),
        });
        expect(login.status).toBe(200);
      } finally {
        await first.kill('SIGTERM');
      }
      const again = await startServerChild({ env: { DATA_DIR: dataDir } });
      try {
        expect(again.output()).not.toContain(PREPARING);
        const answer = (await (await fetch(`${again.url}/api/matters?pageSize=1`)).json()) as { total: number };
        expect(answer.total).toBe(published);
      } finally {
        await again.kill('SIGTERM');
      }
    },
  );

  it('stops with the reason when the preparation fails', { timeout: 300_000 }, async () => {
    const dataDir = join(root, 'broken');
    const failing = startServerChild({
      env: { DATA_DIR: dataDir, SEED_DIR: join(root, 'no-such-seed') },
      listenTimeoutMs: 240_000,
    });
    await expect(failing).rejects.toThrow(/准备数据目录失败[\s\S]*no-such-seed/);
  });
});
