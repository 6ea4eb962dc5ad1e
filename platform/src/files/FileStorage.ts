import type { Readable } from 'node:stream';

/**
 * Where the bytes live, content-addressed by sha256 so one content is stored once. A local-disk
 * implementation comes first (`createLocalFileStorage`); object storage can replace it behind
 * this interface. Uploads are staged locally either way: sniffing and scanning read the staged copy
 * before anything is kept.
 */
export interface FileStorage {
  /** Streams `source` to a staging place, hashing and counting; FILE_TOO_LARGE as soon as `maxBytes` passes. */
  put(source: Readable, limits: { maxBytes: number }): Promise<PendingFile>;
  /** The stored bytes of one content; FILE_NOT_FOUND when there are none. */
  open(sha256: string): Promise<Readable>;
  remove(sha256: string): Promise<void>;
  /** Every stored content, for the orphan sweep. */
  listBlobs(): Promise<string[]>;
  /** Removes every staged upload that was never kept (start-up: none is in flight); returns how many. */
  clearStaging(): Promise<number>;
}

/** An upload that arrived whole but is not kept yet. */
export interface PendingFile {
  readonly sha256: string;
  readonly size: number;
  /** The first bytes, for magic-number checks. */
  readonly head: Uint8Array;
  /** The staged copy on local disk (file-type reads containers such as docx by seeking). */
  readonly path: string;
  read(): Readable;
  /** Moves it to its content address; `created` is false when that content was already stored. */
  keep(): Promise<{ created: boolean }>;
  /** Removes the staged copy (a refusal); harmless after `keep`. */
  discard(): Promise<void>;
}
