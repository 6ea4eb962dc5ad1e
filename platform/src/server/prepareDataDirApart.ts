import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { databaseImage, type Config } from '../infra';

const run = promisify(execFile);
const PREPARE = fileURLToPath(new URL('./prepareDataDirMain.ts', import.meta.url));

/**
 * A first start on the embedded database: no data directory yet, or one without a cluster. A new
 * directory that starts from a prepared image (tests) has nothing to gain from a child.
 */
export function isNewEmbeddedStore(config: Config): boolean {
  if (config.databaseUrl || config.dataDir === ':memory:' || databaseImage()) return false;
  return !existsSync(join(config.dataDir, 'PG_VERSION'));
}

/**
 * Runs a first start's whole preparation — initdb, migrations, seeding the departments, calendars,
 * laws, catalog and demo accounts — in a child process, before the server opens the directory as it
 * would after a restart. PGlite's WebAssembly memory only grows: done in the server, the migrations
 * and the seed left a first start at 319–338 MiB against a restart's ~280 (docs/adr/011). The child's
 * memory ends with it. Same program, same configuration (the environment is inherited), so the
 * server's own start-up then finds everything in place and writes nothing.
 */
export async function prepareDataDirApart(): Promise<void> {
  try {
    await run(process.execPath, [...process.execArgv, PREPARE], { timeout: 300_000, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const { stderr = '', stdout = '' } = error as { stderr?: string; stdout?: string };
    const output = `${stdout}\n${stderr}`.trim();
    throw new Error(
      `首次启动准备数据目录失败 / preparing the new data directory failed: ${output.slice(-4000) || String(error)}`,
    );
  }
}
