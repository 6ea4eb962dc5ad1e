import type { IncomingMessage } from 'node:http';
import { Transform } from 'node:stream';
import { fail, type StreamBody } from '../kernel';

interface StreamLimits {
  mediaTypes: readonly string[];
  maxBytes: number;
}

/**
 * The request handed to an upload handler as it arrives, after access, CSRF, path and query have
 * been settled. Only identity encoding: a compressed multipart body could inflate past every limit
 * before a parser sees it, and browsers never compress uploads. The whole body is capped at
 * `maxBytes` counting what actually arrives, whatever Content-Length claims.
 */
export function streamBodyOf(req: IncomingMessage, limits: StreamLimits, mediaType: string): StreamBody {
  if (!limits.mediaTypes.includes(mediaType)) throw fail('UNSUPPORTED_MEDIA_TYPE', { expected: limits.mediaTypes });
  const encoding = String(req.headers['content-encoding'] ?? 'identity')
    .trim()
    .toLowerCase();
  if (encoding !== 'identity') throw fail('BODY_ENCODING_INVALID', { encoding, supported: ['identity'] });
  if (Number(req.headers['content-length'] ?? 0) > limits.maxBytes) throw fail('BODY_TOO_LARGE', { limitBytes: limits.maxBytes });
  let received = 0;
  const counted = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.length;
      if (received > limits.maxBytes) done(fail('BODY_TOO_LARGE', { limitBytes: limits.maxBytes }));
      else done(null, chunk);
    },
  });
  // A client that goes away mid-upload must not leave the handler waiting for an end that never comes.
  req.once('close', () => {
    if (!req.complete) counted.destroy(fail('BODY_ENCODING_INVALID', { reason: 'aborted' }, '上传中断'));
  });
  req.pipe(counted);
  return { stream: counted, headers: req.headers };
}

/**
 * After a refusal the client is usually still sending. Closing at once would reset the connection
 * before a browser reads the answer (the data still arriving makes the kernel send RST), so the
 * rest is read and dropped; past `maxBytes` more it is no browser being told "too large", and is
 * cut off.
 */
export function discardRest(req: IncomingMessage, maxBytes: number): void {
  if (req.complete || req.readableEnded) return;
  req.unpipe();
  let discarded = 0;
  req.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > maxBytes) req.socket.destroy();
  });
  req.resume();
}
