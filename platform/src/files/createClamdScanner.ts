import { connect, type Socket } from 'node:net';
import { fail } from '../kernel';
import type { FileScanner, ScanResult } from './FileScanner';

export type ClamdAddress = ({ socket: string } | { host: string; port: number }) & { timeoutMs: number };

/** clamd reads chunks of at most StreamMaxLength in total; smaller chunks keep memory flat on both sides. */
const CHUNK_BYTES = 64 * 1024;

function unavailable(reason: string) {
  return fail('SCANNER_UNAVAILABLE', { reason });
}

/** `stream: OK`, `stream: Eicar-Test-Signature FOUND`, or `… ERROR` (size limit, bad command). */
export function parseClamdReply(reply: string): ScanResult {
  const text = reply.replace(/\0+$/, '').trim();
  if (/^stream: OK$/.test(text)) return { status: 'clean' };
  const found = /^stream: (.+) FOUND$/.exec(text);
  if (found?.[1]) return { status: 'infected', signature: found[1] };
  throw unavailable(text === '' ? 'empty reply' : text.slice(0, 200));
}

function lengthPrefix(length: number): Buffer {
  const prefix = Buffer.alloc(4);
  prefix.writeUInt32BE(length);
  return prefix;
}

async function write(socket: Socket, data: Buffer): Promise<void> {
  if (socket.write(data)) return;
  await new Promise<void>((resolve, reject) => {
    const onDrain = () => {
      socket.off('close', onClose);
      resolve();
    };
    const onClose = () => {
      socket.off('drain', onDrain);
      reject(new Error('closed'));
    };
    socket.once('drain', onDrain);
    socket.once('close', onClose);
  });
}

/**
 * clamd's INSTREAM command over a unix socket or TCP: `zINSTREAM\0`, then chunks each prefixed by
 * its length as 4 bytes big-endian, then a zero length; the answer ends with NUL. Written here
 * rather than taken from a package: the protocol is this small, and the npm clients (clamscan,
 * clamdjs) bring binary fallbacks, their own configuration and error shapes, where we need exactly
 * one command with a deadline and a clear "unavailable".
 */
export function createClamdScanner(address: ClamdAddress): FileScanner {
  return {
    name: 'clamd',
    scan(source) {
      return new Promise<ScanResult>((resolve, reject) => {
        const socket =
          'socket' in address ? connect({ path: address.socket }) : connect({ host: address.host, port: address.port });
        const replies: Buffer[] = [];
        let isSettled = false;
        const settle = (outcome: () => ScanResult) => {
          if (isSettled) return;
          isSettled = true;
          clearTimeout(deadline);
          socket.destroy();
          source.destroy();
          try {
            resolve(outcome());
          } catch (error) {
            reject(error);
          }
        };
        const deadline = setTimeout(
          () =>
            settle(() => {
              throw unavailable(`no answer in ${address.timeoutMs} ms`);
            }),
          address.timeoutMs,
        );
        socket.on('data', (chunk: Buffer) => {
          replies.push(chunk);
          if (chunk.includes(0)) settle(() => parseClamdReply(Buffer.concat(replies).toString('utf8')));
        });
        // clamd may answer early (size limit) and close while we are still sending: its reply wins.
        socket.on('close', () =>
          settle(() => {
            if (replies.length > 0) return parseClamdReply(Buffer.concat(replies).toString('utf8'));
            throw unavailable('connection closed without an answer');
          }),
        );
        socket.on('error', (error: NodeJS.ErrnoException) => {
          if (replies.length > 0) return; // the close handler parses what came
          settle(() => {
            throw unavailable(error.code ?? error.message);
          });
        });
        socket.once('connect', () => {
          void (async () => {
            try {
              await write(socket, Buffer.from('zINSTREAM\0'));
              for await (const data of source as AsyncIterable<Buffer>) {
                for (let offset = 0; offset < data.length; offset += CHUNK_BYTES) {
                  const chunk = data.subarray(offset, offset + CHUNK_BYTES);
                  await write(socket, Buffer.concat([lengthPrefix(chunk.length), chunk]));
                }
              }
              await write(socket, lengthPrefix(0));
            } catch (error) {
              if (!isSettled && replies.length === 0 && socket.destroyed === false)
                settle(() => {
                  throw unavailable(error instanceof Error ? error.message : String(error));
                });
            }
          })();
        });
      });
    },
  };
}
