import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { link, mkdir, open, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fail } from '../kernel';
import type { FileStorage, PendingFile } from './FileStorage';

const HEAD_BYTES = 4100;
const SHA256 = /^[0-9a-f]{64}$/;
const STAGING = 'tmp';

/** A hex sha256 only: the address is built from it, so nothing else may reach the file system. */
function blobPath(root: string, sha256: string): string {
  if (!SHA256.test(sha256)) throw fail('FILE_NOT_FOUND');
  return join(root, sha256.slice(0, 2), sha256);
}

async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Files under `root` (DATA_DIR/files): staged uploads in `tmp/`, kept contents at `ab/abcdef…`.
 * Keeping is a hard link from the staged copy, which fails if the content is already there, so two
 * uploads of the same bytes store it once without a lock, and a half-written blob never appears
 * under its address. Directories are made on first use: composing the routes touches no disk.
 */
export function createLocalFileStorage({ root }: { root: string }): FileStorage {
  const staging = join(root, STAGING);
  return {
    async put(source: Readable, { maxBytes }) {
      await mkdir(staging, { recursive: true, mode: 0o700 });
      const path = join(staging, randomUUID());
      const hash = createHash('sha256');
      const head: Buffer[] = [];
      let headBytes = 0;
      let size = 0;
      const meter = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          size += chunk.length;
          if (size > maxBytes) {
            done(fail('FILE_TOO_LARGE', { limitBytes: maxBytes }));
            return;
          }
          hash.update(chunk);
          if (headBytes < HEAD_BYTES) {
            head.push(chunk.subarray(0, HEAD_BYTES - headBytes));
            headBytes += Math.min(chunk.length, HEAD_BYTES - headBytes);
          }
          done(null, chunk);
        },
      });
      try {
        await pipeline(source, meter, createWriteStream(path, { flags: 'wx', mode: 0o600 }));
        await syncFile(path);
      } catch (error) {
        await rm(path, { force: true });
        throw error;
      }
      const sha256 = hash.digest('hex');
      let isKept = false;
      const pending: PendingFile = {
        sha256,
        size,
        head: Buffer.concat(head),
        path,
        read: () => createReadStream(path),
        async keep() {
          const target = blobPath(root, sha256);
          await mkdir(join(root, sha256.slice(0, 2)), { recursive: true, mode: 0o700 });
          let created = true;
          try {
            await link(path, target);
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
            created = false;
          }
          isKept = true;
          await rm(path, { force: true });
          return { created };
        },
        async discard() {
          if (!isKept) await rm(path, { force: true });
        },
      };
      return pending;
    },

    async open(sha256) {
      const stream = createReadStream(blobPath(root, sha256));
      await new Promise<void>((resolve, reject) => {
        stream.once('open', () => resolve());
        stream.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'ENOENT' ? fail('FILE_NOT_FOUND') : error));
      });
      return stream;
    },

    async remove(sha256) {
      await rm(blobPath(root, sha256), { force: true });
    },

    async listBlobs() {
      const prefixes = await readdir(root).catch(() => [] as string[]);
      const blobs: string[] = [];
      for (const prefix of prefixes.filter((name) => /^[0-9a-f]{2}$/.test(name))) {
        for (const name of await readdir(join(root, prefix))) if (SHA256.test(name) && name.startsWith(prefix)) blobs.push(name);
      }
      return blobs;
    },

    async clearStaging() {
      const names = await readdir(staging).catch(() => [] as string[]);
      await Promise.all(names.map((name) => rm(join(staging, name), { force: true, recursive: true })));
      return names.length;
    },
  };
}
