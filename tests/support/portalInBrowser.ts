import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { startTestServer, type TestServer } from './startTestServer';

/** Debian's chromium (or CHROMIUM_PATH); the browser tests skip, saying so, without it. */
export const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (path): path is string => Boolean(path && existsSync(path)),
);
export const SCREENSHOTS = resolve('tests/browser/screenshots');

if (!CHROMIUM) {
  console.warn(
    '浏览器端到端测试已跳过（skipped）：未找到 chromium。安装：apt-get install -y chromium fonts-wqy-microhei（或设 CHROMIUM_PATH）。',
  );
}

export const VIEWPORTS = [
  { name: 'desktop', viewport: { width: 1280, height: 800 }, isMobile: false },
  { name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true },
] as const;

export interface PortalInBrowser {
  server: TestServer;
  browser: Browser;
  close(): Promise<void>;
}

/** A fresh build of one web app as it is now, in a folder of its own (its dist may be stale or absent). */
async function buildApp(app: 'portal' | 'admin-ui'): Promise<string> {
  const dist = mkdtempSync(join(tmpdir(), `${app}-e2e-`));
  await build({ configFile: resolve(`${app}/vite.config.ts`), logLevel: 'warn', build: { outDir: dist, emptyOutDir: true } });
  return dist;
}

/**
 * Fresh builds of the portal (and, `withAdmin`, of the staff app at /admin/), served by a test
 * server, and chromium in Chinese to look at them.
 */
export async function startPortalInBrowser({
  shouldSeedCatalog = false,
  withAdmin = false,
}: { shouldSeedCatalog?: boolean; withAdmin?: boolean } = {}): Promise<PortalInBrowser> {
  const dist = await buildApp('portal');
  const adminDist = withAdmin ? await buildApp('admin-ui') : undefined;
  const server = await startTestServer({ shouldSeedCatalog, portalDir: dist, ...(adminDist ? { adminDir: adminDist } : {}) });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--lang=zh-CN'] });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
      rmSync(dist, { recursive: true, force: true });
      if (adminDist) rmSync(adminDist, { recursive: true, force: true });
    },
  };
}

/** What a page must not do unnoticed: script errors, and the requests it had refused (checked one by one). */
export function watchPage(page: Page): { problems: string[]; refusals: string[] } {
  const problems: string[] = [];
  const refusals: string[] = [];
  page.on('console', (message) => {
    // A refused request is logged by chromium too; those are in `refusals`.
    if (message.type() === 'error' && !/status of 4\d\d/.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('response', (response) => {
    if (response.status() >= 400) refusals.push(`${response.status()} ${new URL(response.url()).pathname}`);
  });
  return { problems, refusals };
}
