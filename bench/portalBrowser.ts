import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { readFile } from 'node:fs/promises';
import react from '@vitejs/plugin-react';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { build } from 'vite';
import { idNumberCheckCharacter } from '@matterflow/schemas';
import { startTestServer, type TestServer } from '../tests/support/startTestServer';

/** Debian's chromium (what CI installs), or CHROMIUM_PATH. */
export const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (path): path is string => Boolean(path && existsSync(path)),
);

export interface PortalRig {
  server: TestServer;
  browser: Browser;
  dist: string;
  close(): Promise<void>;
}

/**
 * A fresh production build of the portal (with the Vite manifest), the real server serving it over
 * the seed catalog, and a headless chromium. The build goes to a temporary folder: portal/dist
 * may be stale, or in use.
 */
export async function startPortalRig(): Promise<PortalRig> {
  if (!CHROMIUM) throw new Error('chromium not found: apt-get install -y chromium fonts-wqy-microhei (or set CHROMIUM_PATH)');
  const dist = mkdtempSync(join(tmpdir(), 'portal-bench-'));
  await build({
    configFile: resolve('portal/vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: dist, emptyOutDir: true, manifest: true },
  });
  const server = await startTestServer({ shouldSeedCatalog: true, portalDir: dist });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--lang=zh-CN'] });
  return {
    server,
    browser,
    dist,
    async close() {
      await browser.close();
      await server.close();
      rmSync(dist, { recursive: true, force: true });
    },
  };
}

/** Builds a bench fixture (bench/fixtures/<name>, an index.html and its entry) into a temporary folder. */
export async function buildFixture(name: string): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), `bench-${name}-`));
  await build({
    configFile: false,
    root: resolve('bench/fixtures', name),
    plugins: [react()],
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, target: 'es2022', modulePreload: { polyfill: false }, chunkSizeWarningLimit: 2048 },
  });
  return outDir;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
};

/** A bare static server for a built fixture, plus extra files held in memory (e.g. the schema). */
export async function serveStatic(
  root: string,
  extra: Record<string, string> = {},
): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    const send = (body: string | Buffer, type: string) => {
      response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
      response.end(body);
    };
    if (path === '/favicon.ico') return response.writeHead(204).end();
    const inMemory = extra[path];
    if (inMemory !== undefined) return send(inMemory, TYPES[extname(path)] ?? 'text/plain');
    const file = join(root, path === '/' ? 'index.html' : path);
    if (!file.startsWith(root)) return response.writeHead(403).end();
    readFile(file).then(
      (body) => send(body, TYPES[extname(file)] ?? 'application/octet-stream'),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/**
 * A citizen registered through the API in a browser context of its own (the context's cookie jar
 * holds the session); `call` sends the CSRF token the registration answered with.
 */
export async function registerCitizen(context: BrowserContext, baseUrl: string, idFirst17: string) {
  const registered = await context.request.post(`${baseUrl}/api/citizens`, {
    data: {
      name: '王基准',
      idNumber: idFirst17 + idNumberCheckCharacter(idFirst17),
      phone: '13912345678',
      password: 'bench-2026',
    },
  });
  if (registered.status() !== 201) throw new Error(`register: ${registered.status()} ${await registered.text()}`);
  const { csrfToken } = (await registered.json()) as { csrfToken: string };
  const call = async (method: 'post' | 'put', path: string, data: unknown, headers: Record<string, string> = {}) => {
    const response = await context.request[method](`${baseUrl}${path}`, {
      data,
      headers: { 'x-csrf-token': csrfToken, ...headers },
    });
    if (response.status() >= 300) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
    return (await response.json()) as Record<string, unknown>;
  };
  return { call };
}
