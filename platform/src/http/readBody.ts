import type { IncomingMessage } from 'node:http';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Transform } from 'node:stream';
import { fail } from '../kernel';

const DECODERS: Record<string, () => Transform> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

export function mediaTypeOf(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

export function hasBody(req: IncomingMessage): boolean {
  return Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
}

/**
 * Reads a request body into memory, decoding gzip/deflate/br on the way, and stops as soon as
 * either the bytes received or the bytes decoded pass `maxBytes`: what is counted is what was
 * actually inflated, never what a header claims. A body that does not decode is refused, not
 * a 500.
 */
export async function readBody(req: IncomingMessage, { maxBytes }: { maxBytes: number }): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBytes) throw tooLarge(req, maxBytes);
  const encoding = String(req.headers['content-encoding'] ?? 'identity')
    .trim()
    .toLowerCase();
  if (encoding !== 'identity' && !(encoding in DECODERS)) {
    throw fail('BODY_ENCODING_INVALID', { encoding, supported: ['identity', ...Object.keys(DECODERS)] });
  }
  const decoder = encoding === 'identity' ? undefined : DECODERS[encoding]?.();
  const source: AsyncIterable<Buffer> = decoder ? req.pipe(decoder) : req;
  if (decoder) req.on('error', (error) => decoder.destroy(error));
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of source) {
      total += chunk.length;
      if (total > maxBytes) throw tooLarge(req, maxBytes);
      chunks.push(chunk);
    }
  } catch (error) {
    decoder?.destroy();
    if (typeof error === 'object' && error !== null && (error as { name?: string }).name === 'DomainError') throw error;
    throw fail('BODY_ENCODING_INVALID', { encoding });
  }
  return Buffer.concat(chunks, total);
}

function tooLarge(req: IncomingMessage, maxBytes: number) {
  // Stop reading: the rest of the upload is discarded and the connection closed after the answer.
  req.unpipe();
  req.resume();
  return fail('BODY_TOO_LARGE', { limitBytes: maxBytes });
}
