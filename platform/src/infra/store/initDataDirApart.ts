import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The child's whole program: create the data directory (initdb) and close it. */
const INIT = `
const [pgliteUrl, dataDir, params] = process.argv.slice(1);
const { PGlite } = await import(pgliteUrl);
const db = await PGlite.create({ dataDir, startParams: JSON.parse(params) });
await db.close();
`;

/**
 * Creates a new PGlite data directory (initdb) in a child process. PGlite's WebAssembly memory
 * only grows and is not given back to the system, and initdb is what makes it grow most: done in
 * the server, a first start kept 420–460 MB at rest against 235–285 MiB after a restart. A child's
 * memory ends with it, and the server then opens the directory as after a restart (docs/adr/011).
 * A worker thread does not do: its memory stayed with the process.
 */
export async function initDataDirApart(dataDir: string, startParams: readonly string[]): Promise<void> {
  const pglite = pathToFileURL(createRequire(import.meta.url).resolve('@electric-sql/pglite')).href;
  try {
    await run(process.execPath, ['--input-type=module', '-e', INIT, pglite, dataDir, JSON.stringify(startParams)], {
      timeout: 120_000,
    });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`PGlite could not create the data directory ${dataDir}: ${stderr.slice(-2000) || String(error)}`);
  }
}
