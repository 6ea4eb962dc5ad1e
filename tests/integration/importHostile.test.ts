import { monitorEventLoopDelay } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateMatters } from '../../bench/generateMatters';
import { XLSX_MEDIA_TYPE } from '../../platform/src/catalog';
import { writeCatalogXlsx } from '../../platform/src/catalog/exchange/writeCatalogXlsx';
import { craftZipBomb } from '../support/craftZipBomb';
import { startTestServer, type TestServer } from '../support/startTestServer';
import type { TestClient } from '../support/TestClient';

let server: TestServer;
let legal: TestClient;

beforeAll(async () => {
  server = await startTestServer();
  legal = await server.login('legal');
});
afterAll(() => server?.close());

const MB = 1024 * 1024;

/** Runs `work` while sampling this process's rss (the server runs in it); returns the peak growth. */
async function peakRssGrowth<T>(work: () => Promise<T>): Promise<{ result: T; growth: number }> {
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, growth: peak - baseline };
  } finally {
    clearInterval(sampler);
  }
}

const isChinese = (text: string) => /[\u4e00-\u9fa5]/.test(text);

describe('a zip bomb disguised as a workbook', () => {
  it('is refused from what it really inflates to, before exceljs sees it, and memory stays flat', async () => {
    // 300 MB of zeros in about 300 KB; the directory says the entry holds 1,000 bytes.
    const bomb = await craftZipBomb({ inflatedBytes: 300 * MB, declaredBytes: 1000 });
    expect(bomb.length).toBeLessThan(MB);
    // Warm up the import path (worker start, module loading) so that only the bomb is measured.
    await legal.request('POST', '/api/catalog/import', new Uint8Array(await craftZipBomb({ inflatedBytes: 10_000 })), {
      contentType: XLSX_MEDIA_TYPE,
    });
    const { result: response, growth } = await peakRssGrowth(() =>
      legal.request('POST', '/api/catalog/import', new Uint8Array(bomb), { contentType: XLSX_MEDIA_TYPE }),
    );
    expect(response.status, response.text).toBe(400);
    expect(response.body.error.code).toBe('IMPORT_FILE_UNREADABLE');
    expect(isChinese(response.body.error.message)).toBe(true);
    expect(growth, `rss grew ${Math.round(growth / MB)} MB`).toBeLessThan(150 * MB);
  });
});

describe('authorisation before work', () => {
  const gzipBomb = gzipSync(Buffer.alloc(30 * MB, ' '), { level: 9 });

  it('answers 20 anonymous 30 MB gzip bombs with 401 without inflating them', async () => {
    expect(gzipBomb.length).toBeLessThan(40 * 1024);
    const { result: statuses, growth } = await peakRssGrowth(() =>
      Promise.all(
        Array.from({ length: 20 }, async () => {
          const response = await fetch(`${server.url}/api/catalog/import`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
            body: gzipBomb,
          });
          const body = (await response.json()) as { error: { code: string } };
          return `${response.status} ${body.error.code}`;
        }),
      ),
    );
    expect(statuses).toEqual(Array(20).fill('401 AUTH_REQUIRED'));
    expect(growth, `rss grew ${Math.round(growth / MB)} MB`).toBeLessThan(100 * MB);
  });

  it('answers a body that is not gzip but says so with 400 BODY_ENCODING_INVALID, not 500', async () => {
    const headers = { 'content-encoding': 'gzip' };
    const json = await legal.request('POST', '/api/matters', JSON.stringify({ document: {} }), { headers });
    expect(json.status, json.text).toBe(400);
    expect(json.body.error.code).toBe('BODY_ENCODING_INVALID');
    const upload = await legal.request('POST', '/api/catalog/import', '[{"code":"x"}]', { headers });
    expect(upload.status, upload.text).toBe(400);
    expect(upload.body.error.code).toBe('BODY_ENCODING_INVALID');
    const workbook = await legal.request('POST', '/api/catalog/import', new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]), {
      contentType: XLSX_MEDIA_TYPE,
      headers,
    });
    expect(workbook.body.error.code).toBe('BODY_ENCODING_INVALID');
  });
});

/** Enough rows for many slices and yields; the benchmark measures the 1,000-matter case. */
const IMPORTED = 500;

describe('a large import', () => {
  let workbook: Uint8Array;
  beforeAll(async () => {
    workbook = new Uint8Array(await writeCatalogXlsx({ documents: generateMatters(IMPORTED, 'H') }));
  }, 300_000);

  it('does not stall other requests while 500 matters are parsed and checked (bench: 1,000)', async () => {
    // When the import's write transaction begins: PGlite serialises every query behind it, so a
    // health check (a database round trip) can only be quick before then (on PostgreSQL, always).
    const db = server.deps.db;
    const transaction = db.transaction.bind(db);
    let writingSince = Number.POSITIVE_INFINITY;
    db.transaction = ((work: Parameters<typeof transaction>[0]) => {
      writingSince = Math.min(writingSince, performance.now());
      return transaction(work);
    }) as typeof db.transaction;
    // Warm up the import path and the client's contract check, so that only the import is measured.
    expect((await legal.post('/api/catalog/import', [])).body.error.code).toBe('IMPORT_INVALID');
    const delay = monitorEventLoopDelay({ resolution: 10 });
    const health: { startedAt: number; ms: number }[] = [];
    try {
      delay.enable();
      let isDone = false;
      const importing = legal.request('POST', '/api/catalog/import', workbook, { contentType: XLSX_MEDIA_TYPE }).finally(() => {
        isDone = true;
        delay.disable();
      });
      while (!isDone) {
        const startedAt = performance.now();
        const response = await fetch(`${server.url}/api/health`);
        expect(response.status).toBe(200);
        health.push({ startedAt, ms: performance.now() - startedAt });
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const response = await importing;
      expect(response.status, response.text).toBe(200);
      expect(response.body).toMatchObject({ created: IMPORTED, total: IMPORTED });
    } finally {
      db.transaction = transaction;
    }
    const whileParsing = health.filter((h) => h.startedAt + h.ms < writingSince);
    const onPostgres = process.env.DATABASE_URL !== undefined;
    const checked = onPostgres ? health : whileParsing;
    expect(checked.length, 'health was polled while the file was parsed').toBeGreaterThan(3);
    // The aim is ~100 ms. The margins are for a shared machine: on two cores under a load of 13,
    // single polls took up to ~500 ms, against 14-24 s of stall when parsing and saving ran on
    // this thread; so the typical answer is held to 300 ms and the worst to a second.
    const times = checked.map((h) => h.ms).sort((a, b) => a - b);
    const report = JSON.stringify(health.map((h) => Math.round(h.ms)));
    expect(times[Math.floor(times.length * 0.95)], report).toBeLessThan(300);
    expect(times[times.length - 1], report).toBeLessThan(1000);
    expect(delay.percentile(99) / 1e6, 'event-loop stall, 99th percentile (ms)').toBeLessThan(300);
    expect(delay.max / 1e6, 'longest event-loop stall (ms)').toBeLessThan(1000);
  }, 300_000);
});
