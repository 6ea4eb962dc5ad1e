import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, startPortalInBrowser, VIEWPORTS, watchPage, type PortalInBrowser } from '../support/portalInBrowser';
import { checkStaffPage, signInToAdmin } from '../support/staffInBrowser';
import type { TestServer } from '../support/startTestServer';

/**
 * The staff shell: each role gets its own menu, a department admin's catalog is their department's,
 * filters live in the address, and a session that ends while a clerk works brings the login page
 * back with the reason, then the same screen after signing in again.
 */
describe.skipIf(!CHROMIUM)('admin shell in chromium', () => {
  let apps: PortalInBrowser;
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    apps = await startPortalInBrowser({ shouldSeedCatalog: true, withAdmin: true });
    ({ server, browser } = apps);
  }, 240_000);
  afterAll(async () => apps?.close());

  for (const { name, viewport, isMobile } of VIEWPORTS) {
    it(`legal sees the whole catalog and filters it (${name})`, { timeout: 240_000 }, async () => {
      const { context, page } = await signInToAdmin(browser, server.url, 'legal', { viewport, isMobile });
      const { problems } = watchPage(page);
      await page.getByRole('heading', { level: 1, name: '工作台' }).waitFor();
      await checkStaffPage(page, `${name}-home-legal`);
      await page.goto(`${server.url}/admin/matters`);
      await page.getByText(/共 \d+ 项/).waitFor();
      const total = Number((await page.getByText(/共 \d+ 项/).textContent())?.match(/\d+/)?.[0]);
      expect(total).toBeGreaterThan(40);
      await page.getByRole('searchbox', { name: '按名称或实施编码检索' }).fill('食品 许可');
      await page.getByRole('searchbox', { name: '按名称或实施编码检索' }).press('Enter');
      await expect.poll(() => page.url(), { timeout: 15_000 }).toContain('q=');
      await page.getByRole('link', { name: '食品经营许可' }).waitFor();
      await expect
        .poll(async () => Number((await page.getByText(/共 \d+ 项/).textContent())?.match(/\d+/)?.[0]), { timeout: 15_000 })
        .toBeLessThan(total);
      await checkStaffPage(page, `${name}-catalog-legal`);
      // The filter is in the address: reloading keeps it.
      await page.reload();
      await page.getByRole('link', { name: '食品经营许可' }).waitFor();
      expect(problems).toEqual([]);
      await context.close();
    });
  }

  it('gives a department admin their department only, and no review queue', { timeout: 90_000 }, async () => {
    const { context, page } = await signInToAdmin(browser, server.url, 'scjg_admin');
    await page.goto(`${server.url}/admin/matters`);
    await page.getByText(/共 \d+ 项/).waitFor();
    const departments = await page.locator('tr.ant-table-row td:nth-child(3)').allTextContents();
    expect(new Set(departments)).toEqual(new Set(['云溪县市场监督管理局']));
    const menu = page.getByRole('navigation', { name: '主菜单' });
    expect(await menu.getByText('审核队列').count()).toBe(0);
    await page.goto(`${server.url}/admin/users`);
    await page.getByText('无权访问').waitFor();
    await context.close();
  });

  it('brings back the login page when the session ends, then the same screen', { timeout: 90_000 }, async () => {
    const { context, page } = await signInToAdmin(browser, server.url, 'legal');
    await page.goto(`${server.url}/admin/matters?status=published`);
    await page.getByText(/共 \d+ 项/).waitFor();
    // An administrator ends every session (as disabling a user or a password reset does).
    await server.deps.db.query('DELETE FROM sessions');
    await page.getByRole('combobox', { name: '事项类型' }).click();
    await page.getByTitle('行政许可').click();
    await page.getByText('登录已过期，请重新登录').waitFor();
    await page.getByLabel('用户名').fill('legal');
    await page.getByLabel('密码').fill('matterflow-demo');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await expect.poll(() => new URL(page.url()).pathname, { timeout: 15_000 }).toBe('/admin/matters');
    expect(new URL(page.url()).searchParams.get('status')).toBe('published');
    await context.close();
  });
});
