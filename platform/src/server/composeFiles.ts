import { rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config } from '../infra';
import { createClamdScanner, createLocalFileStorage, type FileScanner, type FileStorage } from '../files';

export interface FilesSetup {
  storage: FileStorage;
  scanner: FileScanner | undefined;
  /** Where the local storage keeps its files. */
  root: string;
  /** Removes a private (in-memory database) files directory when the server closes; else nothing. */
  dispose(): void;
}

const memoryRoots = new Set<string>();
let isCleanupRegistered = false;

/**
 * An in-memory database (tests) gets a private files directory, removed when the server closes or,
 * failing that, when the process exits.
 */
function memoryRoot(): string {
  const root = join(tmpdir(), `matterflow-files-${randomUUID()}`);
  memoryRoots.add(root);
  if (!isCleanupRegistered) {
    isCleanupRegistered = true;
    process.once('exit', () => {
      for (const dir of memoryRoots) rmSync(dir, { recursive: true, force: true });
    });
  }
  return root;
}

/** Storage under DATA_DIR/files and clamd when configured. Touches no disk: directories come with the first upload. */
export function filesSetupOf(config: Config): FilesSetup {
  const isPrivate = config.dataDir === ':memory:';
  const root = isPrivate ? memoryRoot() : join(config.dataDir, 'files');
  return {
    root,
    dispose() {
      if (!isPrivate) return;
      rmSync(root, { recursive: true, force: true });
      memoryRoots.delete(root);
    },
    storage: createLocalFileStorage({ root }),
    scanner: config.clamd ? createClamdScanner(config.clamd) : undefined,
  };
}
