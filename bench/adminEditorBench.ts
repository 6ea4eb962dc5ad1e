import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type Page, type Response } from 'playwright-core';
import { build } from 'vite';
import { DEMO_PASSWORD, startTestServer } from '../tests/support/startTestServer';
import { benchMatter, FORM_FIELDS } from './benchForm';
import { CHROMIUM } from './portalBrowser';
import { fmt, median } from './stats';

/**
 * Issue 8, Done means (bench): the matter editor on a 300-field matter — the 200-field bench form
 * and 100 materials — from navigation start until the structured view takes input (the name field
 * exists, is enabled and takes the focus), median of RUNS, against the catalog list (until its
 * rows are shown) in the same browser, interleaved. And the staff app's JavaScript, gzip -9 of
 * every script response as sent: the first page (login → 工作台) and then with Monaco loaded (the
 * editor, JSON view open), workers included.
 */
const RUNS = Number(process.env.BENCH_ADMIN_RUNS ?? 5);
const MATERIALS = 100;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** A 300-field matter: the bench form (200 fields) and its material list grown to 100 materials. */
function largeMatter() {
  const { document } = benchMatter('0001310240300');
  const template = document.materials[0]!;
  const extra = Array.from({ length: MATERIALS - document.materials.length }, (_, n) => ({
    ...template,
    id: `bench${n + 1}`,
    name: `基准材料第${n + 1}项`,
  }));
  return { ...document, materials: [...document.materials, ...extra] };
}

async function signIn(page: Page, url: string, username: string) {
  await page.goto(`${url}/admin/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByRole('heading', { level: 1, name: '工作台' }).waitFor();
}

/** Counts every script the context's pages fetch (each URL once), workers included. */
function countScripts(context: BrowserContext): () => Promise<{ gzip: number; count: number }> {
  const bodies = new Map<string, Promise<Buffer>>();
  const watch = (response: Response) => {
    const url = response.url();
    const type = response.request().resourceType();
    if ((type === 'script' || url.endsWith('.js')) && !bodies.has(url)) bodies.set(url, response.body());
  };
  context.on('response', watch);
  return async () => {
    const all = await Promise.all(bodies.values());
    return { gzip: all.reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0), count: all.length };
  };
}

/** ms from navigation start until `ready` resolves, as the page's own clock reads it. */
async function timeToReady(page: Page, url: string, ready: () => Promise<unknown>): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  await ready();
  return page.evaluate(() => performance.now());
}

export async function runAdminEditorBench(lines: string[]): Promise<void> {
  if (!CHROMIUM) throw new Error('chromium not found');
  const dist = mkdtempSync(join(tmpdir(), 'admin-bench-'));
  await build({ configFile: resolve('admin-ui/vite.config.ts'), logLevel: 'warn', build: { outDir: dist, emptyOutDir: true } });
  const server = await startTestServer({ shouldSeedCatalog: true, adminDir: dist });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--lang=zh-CN'] });
  try {
    const legal = await server.login('legal');
    const matter = largeMatter();
    const created = await legal.post('/api/matters', { document: matter });
    if (created.status !== 201) throw new Error(`bench matter refused: ${JSON.stringify(created.body)}`);
    const editor = `${server.url}/admin/matters/${matter.code}/versions/1/edit`;

    // Sizes, with an empty cache: the first page, then the editor with the JSON view.
    const fresh = await browser.newContext({ locale: 'zh-CN' });
    const scripts = countScripts(fresh);
    const page = await fresh.newPage();
    await signIn(page, server.url, 'legal');
    await page.waitForLoadState('networkidle');
    const first = await scripts();
    await page.goto(editor);
    await page.locator('#root_name').waitFor();
    await page.getByRole('tab', { name: 'JSON' }).click();
    await page.locator('.monaco-editor .view-lines').waitFor();
    await page.waitForLoadState('networkidle');
    const withMonaco = await scripts();
    const signedIn = await fresh.storageState();
    await fresh.close();

    // Time to interactive, warm cache as a clerk working through the day would have.
    const context = await browser.newContext({ locale: 'zh-CN', storageState: signedIn });
    const tab = await context.newPage();
    const editorTimes: number[] = [];
    const listTimes: number[] = [];
    for (let run = 0; run < RUNS + 1; run += 1) {
      const listMs = await timeToReady(tab, `${server.url}/admin/matters`, () => tab.getByText(/共 \d+ 项/).waitFor());
      const editorMs = await timeToReady(tab, editor, async () => {
        const name = tab.locator('#root_name');
        await name.waitFor();
        await name.focus();
        await tab.locator('#root_name:focus').waitFor();
      });
      // The first round warms the cache; it is not counted.
      if (run > 0) {
        listTimes.push(listMs);
        editorTimes.push(editorMs);
      }
    }
    await context.close();

    lines.push('## Staff app: the matter editor (issue 8)', '');
    lines.push(
      `A ${FORM_FIELDS}-field form and ${MATERIALS} materials in one draft (bench/adminEditorBench.ts); headless chromium, warm cache, median of ${RUNS}.`,
      '',
    );
    lines.push('| measurement | median | runs |', '|---|---|---|');
    lines.push(
      `| catalog list until its rows show (baseline) | ${fmt(median(listTimes))} | ${listTimes.map((ms) => ms.toFixed(0)).join(', ')} |`,
    );
    lines.push(
      `| editor until the structured view takes input | ${fmt(median(editorTimes))} (${(median(editorTimes) / median(listTimes)).toFixed(2)}× the list) | ${editorTimes.map((ms) => ms.toFixed(0)).join(', ')} |`,
      '',
    );
    lines.push('| JavaScript, gzip -9, every script response | scripts | gzip |', '|---|---|---|');
    lines.push(`| first page (login → 工作台) | ${first.count} | ${kb(first.gzip)} |`);
    lines.push(
      `| … then the editor with the JSON view (Monaco and its workers) | ${withMonaco.count} | ${kb(withMonaco.gzip)} |`,
      '',
    );
  } finally {
    await browser.close();
    await server.close();
    rmSync(dist, { recursive: true, force: true });
  }
}
