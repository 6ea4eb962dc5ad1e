import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/startTestServer';

const INDEX =
  '<!doctype html><html lang="zh-CN"><head><script type="module" src="/assets/index-abc123.js"></script></head><body><div id="root"></div></body></html>';

const ADMIN_INDEX =
  '<!doctype html><html lang="zh-CN"><head><script type="module" src="/admin/assets/index-def456.js"></script></head><body><div id="root"></div></body></html>';

/** A stand-in for a build: what the handler serves does not depend on a build being present. */
function fakeBuild(index = INDEX, asset = 'index-abc123.js'): string {
  const dir = mkdtempSync(join(tmpdir(), 'web-dist-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), index);
  writeFileSync(join(dir, 'assets', asset), 'console.log("门户");');
  return dir;
}

describe('the portal served at /', () => {
  let server: TestServer;
  let dir: string;
  beforeAll(async () => {
    dir = fakeBuild();
    server = await startTestServer({ portalDir: dir });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves index.html at / with a CSP that allows only its own scripts and styles', async () => {
    const response = await fetch(`${server.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toBe(INDEX);
  });

  it('answers a client route with index.html, and an unknown API path with the JSON 404', async () => {
    const page = await fetch(`${server.url}/matters/11439901006010015W0001310240001/situations`);
    expect(page.status).toBe(200);
    expect(await page.text()).toBe(INDEX);
    const api = await fetch(`${server.url}/api/unknown`);
    expect(api.status).toBe(404);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
  });

  it('caches hashed assets for a year and answers a missing file with 404, not the page', async () => {
    const asset = await fetch(`${server.url}/assets/index-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    const missing = await fetch(`${server.url}/assets/index-missing.js`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).not.toContain('<div id="root">');
  });
});

describe('the portal without a build', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ portalDir: join(tmpdir(), 'no-portal-build-here') });
  });
  afterAll(async () => server?.close());

  it('answers pages with a 503 saying how to build, and keeps the API', async () => {
    const page = await fetch(`${server.url}/`);
    expect(page.status).toBe(503);
    expect(await page.text()).toContain('npm run build');
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });
});

describe('the staff app served at /admin/', () => {
  let server: TestServer;
  const dirs: string[] = [];
  beforeAll(async () => {
    dirs.push(fakeBuild(), fakeBuild(ADMIN_INDEX, 'index-def456.js'));
    server = await startTestServer({ portalDir: dirs[0], adminDir: dirs[1] });
  });
  afterAll(async () => {
    await server?.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it("answers its client routes with its own index.html, not the portal's", async () => {
    for (const path of ['/admin', '/admin/', '/admin/matters/11439901006010015W0001310240001/edit']) {
      const page = await fetch(`${server.url}${path}`);
      expect(page.status).toBe(200);
      expect(await page.text()).toBe(ADMIN_INDEX);
    }
    expect(await (await fetch(`${server.url}/matters`)).text()).toBe(INDEX);
  });

  it("keeps scripts as strict as the portal's and lets only styles be inline (antd, Monaco)", async () => {
    const csp = (await fetch(`${server.url}/admin/`)).headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("worker-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'self'");
    const asset = await fetch(`${server.url}/admin/assets/index-def456.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });
});
