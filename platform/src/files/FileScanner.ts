import type { Readable } from 'node:stream';

export type ScanResult = { status: 'clean' } | { status: 'infected'; signature: string };

/** A virus scanner. Throws SCANNER_UNAVAILABLE when it cannot give an answer (down, too slow, refused). */
export interface FileScanner {
  readonly name: string;
  scan(source: Readable): Promise<ScanResult>;
}
