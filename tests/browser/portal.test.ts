import AxeBuilder from '@axe-core/playwright';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHROMIUM,
  SCREENSHOTS,
  VIEWPORTS,
  startPortalInBrowser,
  watchPage,
  type PortalInBrowser,
} from '../support/portalInBrowser';
import type { TestServer } from '../support/startTestServer';

/**
 * The citizen's read path in a real browser (Debian chromium, zh-CN), on a desktop and on a phone:
 * a Chinese search, a guide in tabs, 情形引导 on 互联网上网服务营业场所设立 whose material list changes
 * with the answer. Every page passes axe (no serious or critical violation), runs under the portal's
 * CSP without a single violation, and is saved as a screenshot to look at.
 */
const WANGBA = '1143990100601012XX0001220140001';

describe.skipIf(!CHROMIUM)('portal in chromium', () => {
  let portal: PortalInBrowser;
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    portal = await startPortalInBrowser({ shouldSeedCatalog: true });
    ({ server, browser } = portal);
  }, 120_000);
  afterAll(async () => portal?.close());

  for (const { name, viewport, isMobile } of VIEWPORTS) {
    it(`finds, reads and resolves a matter (${name})`, { timeout: 90_000 }, async () => {
      // axe needs a page from a context (stack.md).
      const context = await browser.newContext({ viewport, isMobile, hasTouch: isMobile, locale: 'zh-CN' });
      const page = await context.newPage();
      const { problems, refusals } = watchPage(page);

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

      expect([...problems, ...refusals]).toEqual([]);
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
