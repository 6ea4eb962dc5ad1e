import AxeBuilder from '@axe-core/playwright';
import { idNumberCheckCharacter } from '@matterflow/schemas';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, SCREENSHOTS, startPortalInBrowser, watchPage, type PortalInBrowser } from '../support/portalInBrowser';
import type { TestServer } from '../support/startTestServer';

/**
 * A citizen registers, sees their name in the header, logs out and logs in again with the
 * 身份证号, on a desktop and on a phone; a wrong check digit is caught before sending and a rule
 * only the platform checks comes back to its field. Both pages pass axe and are saved as screenshots.
 */

const VIEWPORTS = [
  { name: 'desktop', viewport: { width: 1280, height: 800 }, isMobile: false, idFirst17: '43990119850615071' },
  { name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true, idFirst17: '43990119920229082' },
] as const;

describe.skipIf(!CHROMIUM)('citizen account in chromium', () => {
  let portal: PortalInBrowser;
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    portal = await startPortalInBrowser({ shouldSeedCatalog: false });
    ({ server, browser } = portal);
  }, 120_000);
  afterAll(async () => portal?.close());

  for (const { name, viewport, isMobile, idFirst17 } of VIEWPORTS) {
    it(`registers, logs out and logs in again (${name})`, { timeout: 90_000 }, async () => {
      const context = await browser.newContext({ viewport, isMobile, hasTouch: isMobile, locale: 'zh-CN' });
      const page: Page = await context.newPage();
      const { problems, refusals: expectedRefusals } = watchPage(page);
      const check = async (shot: string) => {
        const { violations } = await new AxeBuilder({ page }).analyze();
        const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
        await page.screenshot({ path: join(SCREENSHOTS, `${name}-account-${shot}.png`), fullPage: true });
      };
      const header = page.getByRole('navigation', { name: '账户' });
      const idNumber = idFirst17 + idNumberCheckCharacter(idFirst17);
      const wrongCheck = idFirst17 + (idNumberCheckCharacter(idFirst17) === '0' ? '1' : '0');

      await page.goto(`${server.url}/`);
      await header.getByRole('link', { name: '注册' }).click();
      await page.getByRole('heading', { level: 1, name: '注册' }).waitFor();
      await check('1-register');

      await page.getByLabel('姓名').fill('阿依古丽·买买提');
      await page.getByLabel('身份证号').fill(wrongCheck);
      await page.getByLabel('手机号码').fill('139 1234 5678');
      // All digits: only the platform says so, and its answer must reach the field too.
      await page.getByLabel('设置密码').fill('20260101');
      await page.getByRole('button', { name: '注册并登录' }).click();
      const idError = page.locator('#field-idNumber-error');
      await expect.poll(() => idError.textContent()).toBe('身份证号校验位不正确，请核对后重新输入');
      expect(await page.getByLabel('身份证号').getAttribute('aria-invalid')).toBe('true');
      expect(await page.getByLabel('身份证号').getAttribute('aria-describedby')).toContain('field-idNumber-error');
      expect(await page.locator('#field-idNumber:focus').count()).toBe(1);
      expect(expectedRefusals).toEqual([]);
      await check('2-register-check-digit');

      await page.getByLabel('身份证号').fill(idNumber.toLowerCase());
      await page.getByRole('button', { name: '注册并登录' }).click();
      await expect.poll(() => page.locator('#field-password-error').textContent()).toBe('密码不能全是数字，请加入字母或符号');
      expect(expectedRefusals).toEqual(['422 /api/citizens']);
      expect(await page.locator('#field-idNumber-error').count()).toBe(0);
      await check('3-register-server-issue');

      await page.getByLabel('设置密码').fill('yunxi-2026');
      await page.getByRole('button', { name: '注册并登录' }).click();
      await header.getByText('阿依古丽·买买提').waitFor();
      expect(new URL(page.url()).pathname).toBe('/');
      expect(await header.getByRole('link', { name: '我的办件' }).getAttribute('href')).toBe('/applications');
      await check('4-registered-home');

      await header.getByRole('button', { name: '退出' }).click();
      await header.getByRole('link', { name: '登录' }).waitFor();
      expect(await header.getByText('阿依古丽·买买提').count()).toBe(0);

      await page.goto(`${server.url}/search?q=${encodeURIComponent('食品')}`);
      await header.getByRole('link', { name: '登录' }).click();
      await page.getByRole('heading', { level: 1, name: '登录' }).waitFor();
      expect(new URL(page.url()).searchParams.get('next')).toBe(`/search?q=${encodeURIComponent('食品')}`);
      await page.getByLabel('身份证号或用户名').fill(idNumber);
      await page.getByLabel('密码').fill('wrong-password');
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByRole('alert').getByText('用户名或密码错误').waitFor();
      await check('5-login-failed');

      await page.getByLabel('密码').fill('yunxi-2026');
      await page.getByRole('button', { name: '登录' }).click();
      await header.getByText('阿依古丽·买买提').waitFor();
      expect(new URL(page.url()).pathname).toBe('/search');
      expect(new URL(page.url()).searchParams.get('q')).toBe('食品');
      // A reload asks the platform: the session is the cookie's, not the page's.
      await page.reload();
      await header.getByText('阿依古丽·买买提').waitFor();

      expect(problems).toEqual([]);
      await context.close();
    });
  }
});
