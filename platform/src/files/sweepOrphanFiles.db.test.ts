import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../infra';
import type { Db } from '../kernel';
import { createLocalFileStorage } from './createLocalFileStorage';
import { insertFile } from './fileStore';
import { sweepOrphanFiles } from './sweepOrphanFiles';

let db: Db;
let root: string;
let ownerUserId: number;

beforeAll(async () => {
  db = await openDb({});
  root = mkdtempSync(join(tmpdir(), 'mf-sweep-'));
  const user = await db.query<{ id: number }>(
    `INSERT INTO users (username, display_name, password_hash, role) VALUES ('sweep_owner', '测试', 'x', 'citizen') RETURNING id`,
  );
  ownerUserId = user.rows[0]?.id ?? 0;
});
afterAll(async () => {
  await db.close();
  rmSync(root, { recursive: true, force: true });
});

const keepContent = async (storage: ReturnType<typeof createLocalFileStorage>, text: string) => {
  const pending = await storage.put(Readable.from([Buffer.from(text)]), { maxBytes: 1024 });
  await pending.keep();
  return pending.sha256;
};

describe('sweepOrphanFiles', () => {
  it('removes staged uploads and contents no row points at, and keeps the rest', async () => {
    const storage = createLocalFileStorage({ root });
    const recorded = await keepContent(storage, 'a file with its row');
    await insertFile(db, {
      id: '6f1c2b9e-3a4d-4e5f-8a7b-9c0d1e2f3a4b',
      ownerUserId,
      name: '有记录.pdf',
      size: 19,
      mediaType: 'application/pdf',
      extension: 'pdf',
      sha256: recorded,
      scan: 'unscanned',
      scanSignature: null,
      scannedAt: null,
      createdAt: new Date('2026-12-01T02:00:00Z'),
      purpose: {},
    });
    // Killed between keeping the bytes and inserting the row:
    const orphan = await keepContent(storage, 'kept, but the server died before the insert');
    // Killed mid-upload: a staged copy, and one that was never finished.
    await storage.put(Readable.from([Buffer.from('staged')]), { maxBytes: 1024 });
    writeFileSync(join(root, 'tmp', 'half-written'), 'partial');
    // Not ours: left alone.
    writeFileSync(join(root, 'README'), 'operator notes');

    expect(await sweepOrphanFiles({ db }, storage)).toEqual({ staged: 2, orphans: 1 });
    expect(await storage.listBlobs()).toEqual([recorded]);
    expect(existsSync(join(root, orphan.slice(0, 2), orphan))).toBe(false);
    expect(readdirSync(join(root, 'tmp'))).toEqual([]);
    expect(existsSync(join(root, 'README'))).toBe(true);
    // Nothing left to do the second time.
    expect(await sweepOrphanFiles({ db }, storage)).toEqual({ staged: 0, orphans: 0 });
  });

  it('is a no-op on a files directory that does not exist yet', async () => {
    const storage = createLocalFileStorage({ root: join(root, 'never-used') });
    expect(await sweepOrphanFiles({ db }, storage)).toEqual({ staged: 0, orphans: 0 });
  });
});

describe('createLocalFileStorage', () => {
  it('stops at the limit, leaving no staged copy', async () => {
    const storage = createLocalFileStorage({ root });
    await expect(storage.put(Readable.from([Buffer.alloc(600), Buffer.alloc(600)]), { maxBytes: 1000 })).rejects.toMatchObject({
      code: 'FILE_TOO_LARGE',
    });
    expect(readdirSync(join(root, 'tmp'))).toEqual([]);
  });

  it('never builds a path from anything but a sha256', async () => {
    const storage = createLocalFileStorage({ root });
    await expect(storage.open('../../etc/passwd')).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
    await expect(storage.open('0'.repeat(64))).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
  });
});
