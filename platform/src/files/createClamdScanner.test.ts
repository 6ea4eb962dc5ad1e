import { createServer, type Server, type Socket } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { isDomainError } from '../kernel';
import { createClamdScanner, parseClamdReply } from './createClamdScanner';

/** A clamd stand-in on a unix socket: decodes INSTREAM framing and answers what `reply` says. */
async function fakeClamd(reply: (received: { command: string; chunks: Buffer[] }) => string | undefined) {
  const dir = mkdtempSync(join(tmpdir(), 'mf-clamd-'));
  const path = join(dir, 'clamd.sock');
  const sessions: { command: string; chunks: Buffer[] }[] = [];
  const server: Server = createServer((socket: Socket) => {
    let buffer = Buffer.alloc(0);
    const session = { command: '', chunks: [] as Buffer[] };
    sessions.push(session);
    socket.on('data', (data: Buffer) => {
      buffer = Buffer.concat([buffer, data]);
      if (!session.command) {
        const end = buffer.indexOf(0);
        if (end < 0) return;
        session.command = buffer.subarray(0, end).toString();
        buffer = buffer.subarray(end + 1);
      }
      while (buffer.length >= 4) {
        const length = buffer.readUInt32BE(0);
        if (length === 0) {
          const answer = reply(session);
          if (answer !== undefined) socket.end(`${answer}\0`);
          return;
        }
        if (buffer.length < 4 + length) return;
        session.chunks.push(buffer.subarray(4, 4 + length));
        buffer = buffer.subarray(4 + length);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(path, resolve));
  cleanups.push(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  });
  return { path, sessions };
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function refusal(promise: Promise<unknown>): Promise<{ code: string; details: unknown }> {
  try {
    await promise;
  } catch (error) {
    if (isDomainError(error)) return { code: error.code, details: error.details };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('parseClamdReply', () => {
  it('reads clean, infected and error answers', () => {
    expect(parseClamdReply('stream: OK\0')).toEqual({ status: 'clean' });
    expect(parseClamdReply('stream: Eicar-Test-Signature.UNOFFICIAL FOUND\0')).toEqual({
      status: 'infected',
      signature: 'Eicar-Test-Signature.UNOFFICIAL',
    });
    expect(() => parseClamdReply('INSTREAM size limit exceeded. ERROR\0')).toThrow(/病毒扫描/);
    expect(() => parseClamdReply('')).toThrow();
  });
});

describe('createClamdScanner (INSTREAM)', () => {
  it('sends zINSTREAM, length-prefixed chunks of at most 64 KiB and a zero terminator', async () => {
    const clamd = await fakeClamd(() => 'stream: OK');
    const bytes = Buffer.alloc(150 * 1024, 7);
    const result = await createClamdScanner({ socket: clamd.path, timeoutMs: 5000 }).scan(Readable.from([bytes]));
    expect(result).toEqual({ status: 'clean' });
    const [session] = clamd.sessions;
    expect(session?.command).toBe('zINSTREAM');
    expect(session?.chunks.map((chunk) => chunk.length)).toEqual([65536, 65536, 22528]);
    expect(Buffer.concat(session?.chunks ?? []).equals(bytes)).toBe(true);
  });

  it('reports the signature clamd found', async () => {
    const clamd = await fakeClamd(({ chunks }) =>
      Buffer.concat(chunks).toString().includes('BAD') ? 'stream: Test.Bad FOUND' : 'stream: OK',
    );
    const scanner = createClamdScanner({ socket: clamd.path, timeoutMs: 5000 });
    expect(await scanner.scan(Readable.from([Buffer.from('a BAD thing')]))).toEqual({
      status: 'infected',
      signature: 'Test.Bad',
    });
    expect(await scanner.scan(Readable.from([Buffer.from('a good thing')]))).toEqual({ status: 'clean' });
  });

  it('is unavailable when clamd answers an error, does not answer in time, or is not there', async () => {
    const erring = await fakeClamd(() => 'INSTREAM size limit exceeded. ERROR');
    expect((await refusal(createClamdScanner({ socket: erring.path, timeoutMs: 5000 }).scan(Readable.from(['x'])))).code).toBe(
      'SCANNER_UNAVAILABLE',
    );
    const silent = await fakeClamd(() => undefined);
    const started = Date.now();
    const slow = await refusal(createClamdScanner({ socket: silent.path, timeoutMs: 200 }).scan(Readable.from(['x'])));
    expect(slow.code).toBe('SCANNER_UNAVAILABLE');
    expect(Date.now() - started).toBeLessThan(2000);
    const missing = await refusal(
      createClamdScanner({ socket: join(tmpdir(), 'mf-no-such-clamd.sock'), timeoutMs: 5000 }).scan(Readable.from(['x'])),
    );
    expect(missing).toEqual({ code: 'SCANNER_UNAVAILABLE', details: { reason: 'ENOENT' } });
    const refused = await refusal(createClamdScanner({ host: '127.0.0.1', port: 1, timeoutMs: 5000 }).scan(Readable.from(['x'])));
    expect(refused).toEqual({ code: 'SCANNER_UNAVAILABLE', details: { reason: 'ECONNREFUSED' } });
  });
});
