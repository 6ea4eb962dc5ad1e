import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** The file in a PGlite data directory that names the process holding it. */
export const LOCK_FILE = 'matterflow.lock';

interface LockOwner {
  pid: number;
  host: string;
  since: string;
}

/** Thrown when another live process (or this one) already holds the data directory. */
export class DataDirLockedError extends Error {
  readonly code = 'DATA_DIR_LOCKED';
  constructor(
    readonly dataDir: string,
    readonly owner: LockOwner,
  ) {
    const lockFile = join(dataDir, LOCK_FILE);
    super(
      `数据目录 ${dataDir} 正被进程 ${owner.pid}（主机 ${owner.host}，自 ${owner.since}）使用。` +
        `PGlite 只允许一个进程打开同一数据目录：请先停止该进程（如正在运行的服务器），` +
        `或改用 PostgreSQL（设置 DATABASE_URL）让多个进程同时运行；确认没有进程在用时可删除 ${lockFile}。\n` +
        `Data directory ${dataDir} is in use by process ${owner.pid} (host ${owner.host}, since ${owner.since}). ` +
        `PGlite allows one process per data directory: stop that process (e.g. the running server) first, ` +
        `or use PostgreSQL (DATABASE_URL) so that several processes can run at once; ` +
        `if you are sure no process uses it, delete ${lockFile}.`,
    );
  }
}

/**
 * Lock files this process holds. A lock naming our own PID that is not in here is left over from an
 * earlier process that had the same PID (PID 1 in every container start).
 */
const heldHere = new Set<string>();

function readOwner(path: string): LockOwner | undefined {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockOwner>;
    if (typeof parsed.pid !== 'number') return undefined;
    return { pid: parsed.pid, host: String(parsed.host ?? ''), since: String(parsed.since ?? '') };
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function tryCreate(path: string, owner: LockOwner): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, JSON.stringify(owner));
  } finally {
    closeSync(fd);
  }
  return true;
}

/**
 * Claims a PGlite data directory for this process. PGlite is PostgreSQL in one process without a
 * postmaster: a second process opening the same files does not fail, it silently works on its own
 * copy of the pages and one side's writes are lost. A lock whose process is gone (a crash, kill -9)
 * is taken over. Only the PID decides, not the host name: a container restarted on the same volume
 * has a new host name, and its predecessor is gone.
 */
export function lockDataDir(dataDir: string): { release(): void } {
  const path = join(dataDir, LOCK_FILE);
  const mine: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  if (!tryCreate(path, mine)) {
    const owner = readOwner(path);
    const isStale = owner === undefined || (owner.pid === process.pid ? !heldHere.has(path) : !isAlive(owner.pid));
    if (!isStale) throw new DataDirLockedError(dataDir, owner);
    rmSync(path, { force: true });
    // Two processes taking over the same stale lock: the exclusive create picks one.
    if (!tryCreate(path, mine)) throw new DataDirLockedError(dataDir, readOwner(path) ?? owner ?? mine);
  }
  heldHere.add(path);
  let isReleased = false;
  return {
    release() {
      if (isReleased) return;
      isReleased = true;
      heldHere.delete(path);
      if (readOwner(path)?.pid === process.pid) rmSync(path, { force: true });
    },
  };
}
