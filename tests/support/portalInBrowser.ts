import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
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

// Not under node_modules/.cache: express refuses to serve files under a dot folder.
const BUILDS = join(tmpdir(), 'matterflow-e2e-builds');
const STALE_BUILD_MS = 6 * 60 * 60 * 1000;

/** Every file a build reads, by content: the app's own, the shared package's, the locked dependencies. */
function sourceHash(app: string): string {
  const hash = createHash('sha256');
  const walk = (path: string) => {
    if (statSync(path).isDirectory()) {
      for (const entry of readdirSync(path).sort()) if (entry !== 'dist' && entry !== 'node_modules') walk(join(path, entry));
    } else hash.update(path).update(readFileSync(path));
  };
  for (const path of [app, 'schemas/src', 'schemas/matter.schema.json', 'schemas/flow.schema.json', 'package-lock.json'])
    walk(path);
  return hash.digest('hex').slice(0, 16);
}

/**
 * A build of one web app as its sources are now (its dist may be stale or absent), shared by the
 * browser test files of a run: building both apps per file cost a minute each on a busy machine.
 * Keyed by the sources' content, so an edit is always built; two files building at once both
 * finish and the second keeps the first's.
 */
async function buildApp(app: 'portal' | 'admin-ui'): Promise<string> {
  const target = join(BUILDS, `${app}-${sourceHash(app)}`);
  if (existsSync(join(target, 'index.html'))) return target;
  mkdirSync(BUILDS, { recursive: true });
  const staging = mkdtempSync(join(BUILDS, `staging-${app}-`));
  await build({ configFile: resolve(`${app}/vite.config.ts`), logLevel: 'warn', build: { outDir: staging, emptyOutDir: true } });
  try {
    renameSync(staging, target);
  } catch {
    rmSync(staging, { recursive: true, force: true });
  }
  // Builds of older sources, once no run can still be serving them.
  for (const old of readdirSync(BUILDS)) {
    const path = join(BUILDS, old);
    if (path !== target && Date.now() - statSync(path).mtimeMs > STALE_BUILD_MS) rmSync(path, { recursive: true, force: true });
  }
  return target;
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
