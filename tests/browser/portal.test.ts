import AxeBuilder from '@axe-core/playwright';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/startTestServer';

/**
 * The citizen's read path in a real browser (Debian chromium, zh-CN), on a desktop and on a phone:
 * a Chinese search, a guide in tabs, 情形引导 on 互联网上网服务营业场所设立 whose material list changes
 * with the answer. Every page passes axe (no serious or critical violation), runs under the portal's
 * CSP without a single violation, and is saved as a screenshot to look at.
 */
const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path): path is string =>
  Boolean(path && existsSync(path)),
);
const SCREENSHOTS = resolve('tests/browser/screenshots');
const WANGBA = '1143990100601012XX0001220140001';

if (!CHROMIUM) {
  console.warn(
    '浏览器端到端测试已跳过（skipped）：未找到 chromium。安装：apt-get install -y chromium fonts-wqy-microhei（或设 CHROMIUM_PATH）。',
  );
}

const VIEWPORTS = [
  { name: 'desktop', viewport: { width: 1280, height: 800 }, isMobile: false },
  { name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true },
] as const;

describe.skipIf(!CHROMIUM)('portal in chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let dist: string;

  beforeAll(async () => {
    // A fresh build of the portal as it is now, into a folder of its own (portal/dist may be stale or absent).
    dist = mkdtempSync(join(tmpdir(), 'portal-e2e-'));
    await build({ configFile: resolve('portal/vite.config.ts'), logLevel: 'warn', build: { outDir: dist, emptyOutDir: true } });
    server = await startTestServer({ shouldSeedCatalog: true, portalDir: dist });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--lang=zh-CN'] });
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dist) rmSync(dist, { recursive: true, force: true });
  });

  for (const { name, viewport, isMobile } of VIEWPORTS) {
    it(`finds, reads and resolves a matter (${name})`, { timeout: 90_000 }, async () => {
      // axe needs a page from a context (stack.md).
      const context = await browser.newContext({ viewport, isMobile, hasTouch: isMobile, locale: 'zh-CN' });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('response', (response) => {
        if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
      });

      const check = async (shot: string) => {
        const { violations } = await new AxeBuilder({ page }).analyze();
        const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
        await page.screenshot({ path: join(SCREENSHOTS, `${name}-${shot}.png`), fullPage: true });
      };

      await page.goto(`${server.url}/`);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('我要办事');
      await page
        .getByRole('link', { name: /准营准办/ })
        .first()
        .waitFor();
      await check('1-home');

      await page.getByLabel('搜索事项').fill('食品');
      await page.getByRole('button', { name: '搜索' }).click();
      await page.getByText(/共找到 \d+ 个事项/).waitFor();
      expect(page.url()).toContain('/search?q=');
      await page.getByRole('link', { name: '食品经营许可' }).waitFor();
      await check('2-search');

      await page.getByRole('link', { name: '食品经营许可' }).click();
      await page.getByRole('heading', { level: 1, name: '食品经营许可' }).waitFor();
      // A new page takes the focus to its content (the clicked card is gone).
      expect(await page.locator('#main:focus').count()).toBe(1);
      // A matter with a published form is applied for online (tests/browser/apply.test.ts goes on from here).
      expect(await page.getByRole('link', { name: '在线办理' }).getAttribute('href')).toMatch(/\/apply$/);
      await page.getByRole('tab', { name: '申请材料' }).click();
      expect(await page.getByRole('tab', { name: '申请材料' }).getAttribute('aria-selected')).toBe('true');
      await page.getByRole('tabpanel').getByRole('heading', { name: '申请材料' }).waitFor();
      await check('3a-guide-materials');
      await page.keyboard.press('ArrowRight');
      expect(await page.getByRole('tab', { name: '办理流程' }).getAttribute('aria-selected')).toBe('true');
      await page.getByRole('tabpanel').getByRole('heading', { level: 2 }).waitFor();
      await check('3-guide');
      expect(await page.getByRole('link', { name: /打印办事指南/ }).getAttribute('href')).toMatch(/\/guide\.html$/);

      await page.goto(`${server.url}/matters/${WANGBA}`);
      await page.getByRole('link', { name: /情形引导/ }).click();
      await page.getByRole('group', { name: '您现在申请的是哪个阶段？' }).waitFor();
      await page.getByText('请回答以上 1 个问题').waitFor();
      await page.getByLabel('申请筹建').check();
      const heading = page.getByRole('heading', { level: 2, name: /您需要准备的材料/ });
      await expect.poll(() => heading.textContent()).toBe('您需要准备的材料（6 项）');
      expect(await page.getByRole('heading', { name: '同意筹建的批准文件' }).count()).toBe(0);
      await page.getByLabel('筹建完成，申请最终审核').check();
      await expect.poll(() => heading.textContent()).toBe('您需要准备的材料（9 项）');
      await page.getByRole('heading', { name: '同意筹建的批准文件' }).waitFor();
      await page.getByText('预计办结日期').waitFor();
      expect(page.url()).toContain('stage=final');
      await check('4-situations');
      await page.emulateMedia({ media: 'print' });
      await page.screenshot({ path: join(SCREENSHOTS, `${name}-5-checklist-print.png`), fullPage: true });
      await page.emulateMedia({ media: 'screen' });

      // A reload keeps the answers (they are in the URL) and still evaluates under the CSP.
      await page.reload();
      await expect.poll(() => heading.textContent()).toBe('您需要准备的材料（9 项）');

      expect(problems).toEqual([]);
      await context.close();
    });
  }

  it('prints the checklist on A4', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page: Page = await context.newPage();
    await page.goto(`${server.url}/matters/${WANGBA}/situations?stage=final`);
    await page.getByRole('heading', { name: '同意筹建的批准文件' }).waitFor();
    const pdf = await page.pdf({ format: 'A4', path: join(SCREENSHOTS, 'checklist.pdf') });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await context.close();
  });
});
