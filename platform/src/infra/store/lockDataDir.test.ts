import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCK_FILE, lockDataDir } from './lockDataDir';

/** A PID no process has: above the kernel's pid_max. */
const DEAD_PID = 2 ** 22 + 1;

describe('lockDataDir', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mf-lock-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const writeLock = (pid: number) =>
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid, host: 'elsewhere', since: '2026-12-01T08:00:00.000Z' }));

  it('writes the holder into the directory and removes it on release', () => {
    const lock = lockDataDir(dir);
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid });
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it('refuses a second holder in the same process, naming the PID in Chinese and English', () => {
    const lock = lockDataDir(dir);
    try {
      expect(() => lockDataDir(dir)).toThrow(new RegExp(`正被进程 ${process.pid}.*\\n.*in use by process ${process.pid}`, 's'));
    } finally {
      lock.release();
    }
  });

  it('refuses while another live process holds it, and leaves its lock alone', () => {
    writeLock(process.ppid);
    expect(() => lockDataDir(dir)).toThrow(expect.objectContaining({ code: 'DATA_DIR_LOCKED' }));
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.ppid });
  });

  it('takes over the lock of a process that is gone, and one left by an earlier process with our PID', () => {
    writeLock(DEAD_PID);
    lockDataDir(dir).release();
    writeLock(process.pid);
    const lock = lockDataDir(dir);
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid });
    lock.release();
  });

  it('takes over an unreadable lock file', () => {
    writeFileSync(join(dir, LOCK_FILE), '');
    lockDataDir(dir).release();
  });
});
