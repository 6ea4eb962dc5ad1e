import type { Logger } from 'pino';
import type { Db } from '../kernel';
import type { FileStorage } from './FileStorage';
import { referencedContents } from './fileStore';

const BATCH = 500;

/**
 * At start-up, before any upload is in flight: staged uploads that were never kept, and kept
 * contents no row points at (a server killed between keeping the bytes and inserting the row),
 * are removed. One files directory belongs to one server, as the PGlite data directory does.
 */
export async function sweepOrphanFiles(
  deps: { db: Db; logger?: Pick<Logger, 'info'> },
  storage: FileStorage,
): Promise<{ staged: number; orphans: number }> {
  const staged = await storage.clearStaging();
  const blobs = await storage.listBlobs();
  let orphans = 0;
  for (let start = 0; start < blobs.length; start += BATCH) {
    const batch = blobs.slice(start, start + BATCH);
    const referenced = await referencedContents(deps.db, batch);
    for (const sha256 of batch.filter((blob) => !referenced.has(blob))) {
      await storage.remove(sha256);
      orphans += 1;
    }
  }
  if (staged + orphans > 0) deps.logger?.info({ staged, orphans }, '已清理未完成的上传与无记录的文件');
  return { staged, orphans };
}
