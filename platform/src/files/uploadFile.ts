import { randomUUID } from 'node:crypto';
import { fail, requireUser, type Call, type Clock, type Db, type StreamBody } from '../kernel';
import { cleanFileName } from './cleanFileName';
import type { FileScanner } from './FileScanner';
import type { FileStorage, PendingFile } from './FileStorage';
import type { FileView } from './FileView';
import { insertFile, referencedContents } from './fileStore';
import { receiveUpload, type UploadPurpose } from './receiveUpload';
import { sniffFile } from './sniffFile';

/** What a material accepts; supplied by intake, which also checks the caller owns the draft. */
export interface UploadRules {
  accept: readonly string[];
  maxBytes: number;
}

export type ResolveUpload = (call: Call, purpose: UploadPurpose) => Promise<UploadRules>;

export interface UploadSettings {
  storage: FileStorage;
  /** Undefined: no scanner configured; files are stored 'unscanned' and staff cannot open them. */
  scanner: FileScanner | undefined;
  resolveUpload: ResolveUpload;
}

/**
 * One upload, treated as hostile from its first byte: the draft's rules are settled before the
 * file is read; the file is streamed to a staging copy (hashed, counted, stopped at the limit);
 * its type is sniffed from the bytes; it is scanned; only then is it kept under its content
 * address and its row inserted. Any refusal leaves nothing behind.
 */
export async function uploadFile(
  deps: { db: Db; clock: Clock },
  call: Call,
  settings: UploadSettings,
  body: StreamBody,
): Promise<FileView> {
  const actor = call.actor;
  requireUser(actor);
  const received = await receiveUpload(
    body,
    async (purpose, file) => {
      const rules = await settings.resolveUpload(call, purpose);
      const pending = await settings.storage.put(file.stream, { maxBytes: rules.maxBytes });
      return { purpose, rules, name: cleanFileName(file.name), pending };
    },
    (staged) => staged.pending.discard(),
  );
  const { pending, rules, purpose, name } = received;
  try {
    if (pending.size === 0) throw fail('UPLOAD_INVALID', { reason: '文件为空' });
    const kind = await sniffFile(pending, rules.accept);
    const scan = settings.scanner ? await settings.scanner.scan(pending.read()) : undefined;
    if (scan?.status === 'infected') throw fail('FILE_INFECTED', { signature: scan.signature });
    const at = deps.clock.now();
    const view: FileView = {
      id: randomUUID(),
      name,
      size: pending.size,
      mediaType: kind.mediaType,
      extension: kind.extension,
      sha256: pending.sha256,
      scan: scan ? 'clean' : 'unscanned',
    };
    await keep(deps, settings.storage, pending, () =>
      insertFile(call.tx ?? deps.db, {
        ...view,
        ownerUserId: actor.userId,
        scanSignature: null,
        scannedAt: scan ? at : null,
        createdAt: at,
        purpose,
      }),
    );
    return view;
  } finally {
    await pending.discard();
  }
}

/**
 * Keeps the bytes, then records the row. Should the insert fail, bytes this upload created and no
 * row points at are removed again; a crash in between leaves them to the start-up sweep.
 */
async function keep(deps: { db: Db }, storage: FileStorage, pending: PendingFile, record: () => Promise<void>): Promise<void> {
  const { created } = await pending.keep();
  try {
    await record();
  } catch (error) {
    if (created && !(await referencedContents(deps.db, [pending.sha256])).has(pending.sha256))
      await storage.remove(pending.sha256);
    throw error;
  }
}
