import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { foodLicence } from '../tests/support/matterFixtures';
import { publishMatter } from '../tests/support/publishMatter';
import { buildFixture, registerCitizen, serveStatic, startPortalRig, type PortalRig } from './portalBrowser';

/**
 * Issue 7, Done means (c): JavaScript per portal page, gzip, goal ≤ 250 KB. Each page is loaded in
 * headless chromium with an empty cache and every script response is counted (entry chunk, its
 * static imports, the page's lazy chunk and its imports, and the platform's per-version modules
 * conditions.js and form.js), gzip level 9 of the bytes as sent. Baseline in the same run: a page
 * that renders one paragraph with React + ReactDOM and nothing else, built by the same Vite.
 */
const GOAL_KB = 250;
const WANGBA = '1143990100601012XX0001220140001';
const FOOD_SUFFIX = '0001310240007';

interface PortalPage {
  label: string;
  path: (ids: { number: string }) => string;
  /** A text or role that says the page rendered (not an error). */
  ready: (page: Page) => Promise<unknown>;
  isSignedIn?: boolean;
  /** The page's module in the Vite manifest, when it is loaded lazily. */
  lazy?: string;
}

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name }).first().waitFor();

const PAGES: PortalPage[] = [
  { label: 'home', path: () => '/', ready: (p) => heading(p, '我要办事') },
  {
    label: 'search',
    path: () => `/search?q=${encodeURIComponent('食品')}`,
    ready: (p) => p.getByText(/共找到 \d+ 个事项/).waitFor(),
  },
  { label: 'guide', path: () => `/matters/${WANGBA}`, ready: (p) => heading(p, /互联网上网服务营业场所/) },
  {
    label: '情形引导',
    path: () => `/matters/${WANGBA}/situations?stage=final`,
    ready: (p) => p.getByRole('heading', { level: 2, name: /您需要准备的材料/ }).waitFor(),
    lazy: 'src/pages/SituationPage.tsx',
  },
  {
    label: 'apply',
    path: () => `/matters/${WANGBA}/apply?stage=final`,
    ready: (p) => p.locator('form.apply-form').waitFor(),
    isSignedIn: true,
    lazy: 'src/pages/ApplyPage.tsx',
  },
  {
    label: 'receipt',
    path: ({ number }) => `/applications/${number}/receipt`,
    ready: (p) => p.locator('#receipt-title').waitFor(),
    isSignedIn: true,
    lazy: 'src/pages/ReceiptPage.tsx',
  },
  {
    label: '我的办件',
    path: () => '/applications',
    ready: (p) => heading(p, '我的办件'),
    isSignedIn: true,
    lazy: 'src/pages/MyApplicationsPage.tsx',
  },
  {
    label: 'status',
    path: ({ number }) => `/applications/${number}`,
    ready: (p) =>
      p
        .getByText(/受理|提交|已收件|申请/)
        .first()
        .waitFor(),
    isSignedIn: true,
    lazy: 'src/pages/ApplicationPage.tsx',
  },
  { label: 'login', path: () => '/login', ready: (p) => heading(p, '登录') },
  { label: 'register', path: () => '/register', ready: (p) => heading(p, '注册') },
];

interface Scripts {
  gzip: number;
  raw: number;
  files: { name: string; gzip: number; isPlatform: boolean }[];
}

const gzipBytes = (body: Buffer) => gzipSync(body, { level: 9 }).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Loads `url` in a fresh page of `context` and sums every script it fetched until the network settles. */
async function scriptsOf(context: BrowserContext, url: string, ready: (page: Page) => Promise<unknown>): Promise<Scripts> {
  const page = await context.newPage();
  const bodies: Promise<{ name: string; body: Buffer; isPlatform: boolean }>[] = [];
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    const { pathname } = new URL(response.url());
    // The platform's per-version modules (conditions.js, form.js) come from the API, the bundle from /assets.
    const isPlatform = pathname.startsWith('/api/');
    const name = isPlatform ? pathname.replace(/^.*\/versions\//, 'v') : pathname.replace(/^.*\//, '');
    bodies.push(response.body().then((body) => ({ name, body, isPlatform })));
  });
  await page.goto(url);
  await ready(page);
  await page.waitForLoadState('networkidle');
  const files = await Promise.all(bodies);
  await page.close();
  if (errors.length > 0) throw new Error(`${url}: ${errors.join('; ')}`);
  return {
    gzip: files.reduce((sum, f) => sum + gzipBytes(f.body), 0),
    raw: files.reduce((sum, f) => sum + f.body.length, 0),
    files: files.map((f) => ({ name: f.name, gzip: gzipBytes(f.body), isPlatform: f.isPlatform })),
  };
}

type Manifest = Record<string, { file: string; imports?: string[]; dynamicImports?: string[]; isEntry?: boolean }>;

/** The bundle's own chunks a page needs by the Vite manifest: the entry, the lazy page, and their static imports. */
function manifestGzip(dist: string, manifest: Manifest, keys: string[]): number {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const next of manifest[key]?.imports ?? []) visit(next);
  };
  keys.forEach(visit);
  return [...seen].reduce((sum, key) => {
    const file = manifest[key]?.file;
    return file?.endsWith('.js') ? sum + gzipBytes(readFileSync(join(dist, file))) : sum;
  }, 0);
}

/** A submitted application of the citizen in `context` (a 食品经营许可 that needs no upload), for the receipt and status pages. */
async function submittedApplication(rig: PortalRig, context: BrowserContext): Promise<string> {
  const legal = await rig.server.login('legal');
  const document = foodLicence({ suffix: FOOD_SUFFIX });
  await publishMatter(legal, document);
  const { call } = await registerCitizen(context, rig.server.url, '43990119850505005');
  const draft = await call('post', '/api/drafts', { matterCode: document.code });
  const saved = await call('put', `/api/drafts/${String(draft.id)}`, {
    revision: draft.revision,
    answers: {},
    formData: { enterpriseName: '云溪县基准食品店', creditCode: '91439901MA4L000001', byAgent: false },
    materials: {},
  });
  const application = await call(
    'post',
    `/api/drafts/${String(saved.id)}/submit`,
    {},
    { 'idempotency-key': 'bench-portal-size-0001' },
  );
  return String(application.number);
}

async function reactBaseline(browser: Browser): Promise<Scripts> {
  const dist = await buildFixture('reactOnly');
  const site = await serveStatic(dist);
  try {
    const context = await browser.newContext();
    const scripts = await scriptsOf(context, `${site.url}/`, (p) => p.getByText('React 基准页').waitFor());
    await context.close();
    return scripts;
  } finally {
    await site.close();
    rmSync(dist, { recursive: true, force: true });
  }
}

export async function runPortalSizeBench(lines: string[]): Promise<void> {
  const rig = await startPortalRig();
  try {
    const manifest = JSON.parse(readFileSync(join(rig.dist, '.vite/manifest.json'), 'utf8')) as Manifest;
    const base = await reactBaseline(rig.browser);
    const citizen = await rig.browser.newContext({ locale: 'zh-CN' });
    const number = await submittedApplication(rig, citizen);
    const signedIn = await citizen.storageState();
    await citizen.close();

    lines.push('## JavaScript per portal page, gzip (issue 7 (c))', '');
    lines.push(
      `Each page loaded in headless chromium with an empty cache; every script response counted, gzip -9. Baseline: React + ReactDOM alone = ${kb(base.gzip)} (${kb(base.raw)} raw). Goal ≤ ${GOAL_KB} KB.`,
      '',
    );
    lines.push(
      '| page | scripts | JS gzip | raw | × React alone | bundle chunks by manifest (gzip) | platform modules (gzip) | goal |',
      '|---|---|---|---|---|---|---|---|',
    );
    let worst = 0;
    for (const spec of PAGES) {
      const context = await rig.browser.newContext({ locale: 'zh-CN', ...(spec.isSignedIn ? { storageState: signedIn } : {}) });
      const scripts = await scriptsOf(context, `${rig.server.url}${spec.path({ number })}`, spec.ready);
      await context.close();
      worst = Math.max(worst, scripts.gzip);
      const platform = scripts.files.filter((f) => f.isPlatform);
      const bundle = manifestGzip(rig.dist, manifest, ['index.html', ...(spec.lazy ? [spec.lazy] : [])]);
      lines.push(
        `| ${spec.label} | ${scripts.files.length} | ${kb(scripts.gzip)} | ${kb(scripts.raw)} | ${(scripts.gzip / base.gzip).toFixed(2)}× | ${kb(bundle)} | ${
          platform.length > 0 ? platform.map((f) => `${f.name} ${kb(f.gzip)}`).join(', ') : '–'
        } | ${scripts.gzip <= GOAL_KB * 1024 ? 'PASS' : 'FAIL'} |`,
      );
    }
    lines.push('', `Largest page: ${kb(worst)} — ${worst <= GOAL_KB * 1024 ? 'PASS' : 'FAIL'} (goal ≤ ${GOAL_KB} KB).`, '');
  } finally {
    await rig.close();
  }
}
