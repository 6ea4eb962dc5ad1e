import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../platform/src/infra';
import { startServer } from '../../platform/src/server/startServer';
import { startTestServer, type TestServer } from '../support/startTestServer';
import { mutableClock } from '../support/mutableClock';
import { foodLicence } from '../support/matterFixtures';
import { publishMatter } from '../support/publishMatter';
import type { TestClient } from '../support/TestClient';

const clock = mutableClock('2026-03-02T02:00:00Z'); // Monday 10:00 in Shanghai
let server: TestServer;
let legal: TestClient;
let citizen: TestClient;
const doc = foodLicence({ suffix: '0001310249001', name: '缓存测试食品经营许可' });
const code = doc.code;

beforeAll(async () => {
  server = await startTestServer({ clock });
  legal = await server.login('legal');
  citizen = server.anonymous();
  await publishMatter(legal, doc);
});
afterAll(() => server?.close());

const PUBLIC_READS = [
  `/api/matters/${code}`,
  `/api/matters/${code}/guide`,
  `/api/matters/${code}/guide.html`,
  `/api/matters/${code}/versions/1`,
  `/api/matters?q=${encodeURIComponent('缓存测试')}`,
];

async function revalidate(client: TestClient, path: string, etag: string) {
  return client.request('GET', path, undefined, { headers: { 'if-none-match': etag } });
}

describe('public reads are cache-friendly', { shuffle: false }, () => {
  it('answers with a strong ETag and public Cache-Control, and 304 with no body on revalidation', async () => {
    for (const path of PUBLIC_READS) {
      const first = await citizen.get(path);
      expect(first.status, path).toBe(200);
      const etag = first.headers.get('etag') ?? '';
      expect(etag, path).toMatch(/^"[\w-]{20,}"$/);
      expect(first.headers.get('cache-control'), path).toBe('public, no-cache');
      expect(first.headers.get('vary'), path).toMatch(/cookie/i);
      const again = await citizen.get(path);
      expect(again.headers.get('etag'), `${path} is stable`).toBe(etag);
      const notModified = await revalidate(citizen, path, etag);
      expect(notModified.status, path).toBe(304);
      expect(notModified.text, path).toBe('');
      expect(notModified.headers.get('etag'), path).toBe(etag);
      // A list of tags, one of them weak, still matches (If-None-Match compares weakly).
      expect((await revalidate(citizen, path, `"other", W/${etag}`)).status, path).toBe(304);
      expect((await revalidate(citizen, path, '"stale"')).status, path).toBe(200);
    }
  });

  it('serves the conditions module of a version in force as immutable', async () => {
    const response = await fetch(`${server.url}/api/matters/${code}/versions/1/conditions.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const etag = response.headers.get('etag') ?? '';
    const notModified = await fetch(`${server.url}/api/matters/${code}/versions/1/conditions.js`, {
      headers: { 'if-none-match': etag },
    });
    expect(notModified.status).toBe(304);
  });

  it('gives the version in force, the guide and the search page a new ETag once a new version is published', async () => {
    const before = new Map<string, string>();
    for (const path of PUBLIC_READS) before.set(path, (await citizen.get(path)).headers.get('etag') ?? '');
    const immutableBefore = (await citizen.get(`/api/matters/${code}/versions/1`)).headers.get('etag') ?? '';

    expect((await legal.post(`/api/matters/${code}/transitions`, { action: 'newVersion' })).status).toBe(200);
    const draft = (await legal.get(`/api/matters/${code}/versions/2`)).body as { revision: number };
    const changed = { ...doc, name: '缓存测试食品经营许可（第二版）' };
    expect((await legal.put(`/api/matters/${code}/draft`, { revision: draft.revision, document: changed })).status).toBe(200);
    // Neither a new draft nor its edits change what the public reads.
    for (const path of PUBLIC_READS) expect((await revalidate(citizen, path, before.get(path) ?? '')).status, path).toBe(304);

    expect((await legal.post(`/api/matters/${code}/transitions`, { action: 'submit' })).status).toBe(200);
    expect((await legal.post(`/api/matters/${code}/transitions`, { action: 'publish' })).status).toBe(200);
    for (const path of [
      `/api/matters/${code}`,
      `/api/matters/${code}/guide`,
      `/api/matters/${code}/guide.html`,
      PUBLIC_READS[4] ?? '',
    ]) {
      const stale = await revalidate(citizen, path, before.get(path) ?? '');
      expect(stale.status, path).toBe(200);
      expect(stale.headers.get('etag'), path).not.toBe(before.get(path));
    }
    expect(((await citizen.get(`/api/matters/${code}`)).body as { version: number }).version).toBe(2);
    // Version 1 is now superseded: its answer says so, under a new tag.
    const old = await revalidate(citizen, `/api/matters/${code}/versions/1`, immutableBefore);
    expect(old.status).toBe(200);
    expect((old.body as { status: string }).status).toBe('superseded');
  });

  it('moves the version in force at midnight of a scheduled effective date, with no write', async () => {
    expect((await legal.post(`/api/matters/${code}/transitions`, { action: 'newVersion' })).status).toBe(200);
    expect((await legal.post(`/api/matters/${code}/transitions`, { action: 'submit' })).status).toBe(200);
    const scheduled = await legal.post(`/api/matters/${code}/transitions`, { action: 'publish', effectiveDate: '2026-03-03' });
    expect(scheduled.status).toBe(200);
    const today = await citizen.get(`/api/matters/${code}`);
    expect((today.body as { version: number }).version).toBe(2);
    // A scheduled version may still go back to review and change: its module is not immutable yet.
    const module = await fetch(`${server.url}/api/matters/${code}/versions/3/conditions.js`);
    expect(module.headers.get('cache-control')).toBe('public, no-cache');
    clock.set('2026-03-02T16:00:00Z'); // 00:00 on 3 March in Shanghai
    const tomorrow = await revalidate(citizen, `/api/matters/${code}`, today.headers.get('etag') ?? '');
    expect(tomorrow.status).toBe(200);
    expect((tomorrow.body as { version: number }).version).toBe(3);
    legal = await server.login('legal');
  });

  it('keeps staff answers private and out of every shared cache', async () => {
    for (const path of [...PUBLIC_READS, `/api/matters/${code}/versions/1/conditions.js`]) {
      const staff = await legal.get(path);
      expect(staff.status, path).toBe(200);
      expect(staff.headers.get('cache-control'), path).toBe('private, no-store');
      expect(staff.headers.get('vary'), path).toMatch(/cookie/i);
      expect(staff.headers.get('etag') ?? '', path).not.toMatch(/^"/);
    }
    // A staff reader sends the anonymous tag and gets the full answer, not a 304 for the public copy.
    const publicEtag = (await citizen.get(`/api/matters/${code}`)).headers.get('etag') ?? '';
    const staff = await revalidate(legal, `/api/matters/${code}`, publicEtag);
    expect(staff.status).toBe(200);
    // A draft, which only staff see, is never public.
    expect((await legal.post(`/api/matters/${code}/transitions`, { action: 'newVersion' })).status).toBe(200);
    const draft = await legal.get(`/api/matters/${code}/versions/4`);
    expect(draft.headers.get('cache-control')).toBe('private, no-store');
    expect((await citizen.get(`/api/matters/${code}/versions/4`)).status).toBe(404);
  });
});

// Two platform processes on one PostgreSQL (PGlite is one process by design): the second sees the
// first's publication within one revalidation of the catalog stamp (ADR 014).
describe.skipIf(!process.env.DATABASE_URL)('two processes sharing one database', () => {
  it('sees a publication made through the other process within one revalidation', async () => {
    const databaseUrl = server.config.databaseUrl ?? '';
    const other = await startServer({
      config: loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', DATA_DIR: ':memory:', DATABASE_URL: databaseUrl }),
      shouldSeedCatalog: false,
      clock,
    });
    try {
      const read = async () => (await (await fetch(`${other.url}/api/matters/${code}`)).json()) as { version: number };
      const before = (await read()).version;
      expect((await legal.post(`/api/matters/${code}/transitions`, { action: 'submit' })).status).toBe(200);
      expect((await legal.post(`/api/matters/${code}/transitions`, { action: 'publish' })).status).toBe(200);
      // The other process rereads the stamp at most every second (DEFAULT_REVALIDATE_MS).
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect((await read()).version).toBe(before + 1);
    } finally {
      await other.close();
    }
  });
});
