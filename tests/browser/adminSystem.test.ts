import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, startPortalInBrowser, VIEWPORTS, watchPage, type PortalInBrowser } from '../support/portalInBrowser';
import { checkStaffPage, signInToAdmin } from '../support/staffInBrowser';
import type { TestServer } from '../support/startTestServer';

const CLERK = 'e5_clerk';
const CLERK_PASSWORD = 'clerk-password-2026';
const DEPARTMENT = '云溪县市场监督管理局';

/** antd's Select: open it by its label, then pick the option by its text. */
async function choose(page: Page, scope: ReturnType<Page['getByRole']> | Page, label: string, option: string) {
  await scope.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
}

/**
 * System administration and audit: a sysadmin creates a department admin who can then sign in,
 * disables them (their open page is signed out on its next request), marks a holiday and finds it
 * after a reload; a supervisor finds the account's creation in the audit trail.
 */
describe.skipIf(!CHROMIUM)('system administration in chromium', () => {
  let apps: PortalInBrowser;
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    apps = await startPortalInBrowser({ shouldSeedCatalog: true, withAdmin: true });
    ({ server, browser } = apps);
  }, 300_000);
  afterAll(async () => apps?.close());

  it('creates a user who signs in, and disabling them signs their page out', { timeout: 300_000 }, async () => {
    const admin = await signInToAdmin(browser, server.url, 'sysadmin');
    const { problems } = watchPage(admin.page);
    await admin.page.goto(`${server.url}/admin/users`);
    await admin.page.getByText(/共 \d+ 个账号/).waitFor();
    await checkStaffPage(admin.page, 'desktop-users');
    await admin.page.getByRole('button', { name: '新建用户' }).click();
    const drawer = admin.page.locator('.ant-drawer-content-wrapper').filter({ hasText: '新建用户' });
    await drawer.getByLabel('用户名').fill(CLERK);
    await drawer.getByLabel('姓名').fill('李四');
    await choose(admin.page, drawer, '角色', '部门管理员');
    // A department role without a department is refused before it is sent.
    await drawer.getByLabel('初始密码').fill('short');
    await drawer.getByRole('button', { name: /创\s*建/ }).click();
    await drawer.getByText('该角色必须指定所属部门').waitFor();
    await drawer.getByText('密码至少 12 个字符').waitFor();
    await choose(admin.page, drawer, '部门', DEPARTMENT);
    await drawer.getByLabel('初始密码').fill(CLERK_PASSWORD);
    await checkStaffPage(admin.page, 'desktop-user-create');
    await drawer.getByRole('button', { name: /创\s*建/ }).click();
    const row = admin.page.getByRole('row', { name: new RegExp(CLERK) });
    await row.waitFor();
    expect(await row.textContent()).toContain(DEPARTMENT);

    // The new account signs in with the password the administrator set, and sees its department's catalog.
    const clerkContext = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    const clerk = await clerkContext.newPage();
    await clerk.goto(`${server.url}/admin/login`);
    await clerk.getByLabel('用户名').fill(CLERK);
    await clerk.getByLabel('密码').fill(CLERK_PASSWORD);
    await clerk.getByRole('button', { name: /登\s*录/ }).click();
    await clerk.waitForURL((url) => !url.pathname.endsWith('/login'));
    await clerk.goto(`${server.url}/admin/matters`);
    await clerk.getByText(/共 \d+ 项/).waitFor();
    const departments = await clerk.locator('tr.ant-table-row td:nth-child(3)').allTextContents();
    expect(new Set(departments)).toEqual(new Set([DEPARTMENT]));

    // Disabled: the clerk's sessions end at once, so their next request brings the login page back.
    await row.getByRole('button', { name: `编辑 ${CLERK}` }).click();
    const edit = admin.page.locator('.ant-drawer-content-wrapper').filter({ hasText: `编辑用户 ${CLERK}` });
    await edit.getByRole('button', { name: '停用账号' }).click();
    await admin.page
      .getByRole('tooltip')
      .getByRole('button', { name: /停\s*用/ })
      .click();
    await edit.getByText('已停用，该用户已退出登录').waitFor();
    await checkStaffPage(admin.page, 'desktop-user-disabled');
    await clerk.getByRole('combobox', { name: '事项类型' }).click();
    await clerk.getByTitle('行政许可').click();
    await clerk.getByText('登录已过期，请重新登录').waitFor();
    await clerk.getByLabel('用户名').fill(CLERK);
    await clerk.getByLabel('密码').fill(CLERK_PASSWORD);
    await clerk.getByRole('button', { name: /登\s*录/ }).click();
    await clerk.getByText(/用户名或密码/).waitFor();
    expect(problems).toEqual([]);
    await clerkContext.close();
    await admin.context.close();
  });

  it('marks a holiday on the calendar, and it is there after a reload', { timeout: 240_000 }, async () => {
    const { context, page } = await signInToAdmin(browser, server.url, 'sysadmin');
    await page.goto(`${server.url}/admin/calendars?year=2026`);
    const day = page.getByRole('button', { name: /^2026年12月7日 星期一/ });
    await day.waitFor();
    expect(await day.getAttribute('aria-label')).toBe('2026年12月7日 星期一，工作日');
    await page.getByLabel('节日名称').fill('县庆');
    await page.getByLabel('通知文号').fill('云政办〔2026〕1号');
    // A weekend is off anyway: marking it a holiday is refused with the reason.
    await page.getByRole('button', { name: /^2026年12月5日 星期六/ }).click();
    await page.getByText('2026-12-05 是周末，本来就不上班，无需标为法定节假日').waitFor();
    // Keyboard: the day is a button; Enter marks it.
    await day.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => day.getAttribute('aria-label')).toContain('法定节假日 县庆');
    await page.getByRole('button', { name: '保存本年度' }).click();
    await page.getByText(/已保存 .+ 2026 年的节假日安排/).waitFor();
    await checkStaffPage(page, 'desktop-calendars');
    await page.reload();
    await page.getByRole('button', { name: /^2026年12月7日 星期一，法定节假日 县庆/ }).waitFor();
    expect(await page.getByLabel('通知文号').inputValue()).toBe('云政办〔2026〕1号');
    await context.close();
  });

  it('lets a supervisor find the account’s creation in the audit trail', { timeout: 240_000 }, async () => {
    const { context, page } = await signInToAdmin(browser, server.url, 'supervisor');
    await page.goto(`${server.url}/admin/audit`);
    await page.getByText(/共 \d+ 条/).waitFor();
    await choose(page, page, '操作', '新建账号（user.create）');
    await expect.poll(() => new URL(page.url()).searchParams.get('action')).toBe('user.create');
    await page.getByLabel('操作人用户名').fill('sysadmin');
    await page.getByLabel('操作人用户名').press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('username')).toBe('sysadmin');
    // The URL changes before the filtered answer arrives: match the row on what the filter keeps,
    // so a row of the earlier, unfiltered answer cannot satisfy the wait.
    const row = page
      .getByRole('row')
      .filter({ hasText: `用户名：${CLERK}` })
      .filter({ hasText: '新建账号' })
      .filter({ hasText: 'sysadmin' });
    await row.waitFor();
    await expect.poll(() => page.getByRole('row').filter({ hasText: 'anonymous' }).count(), { timeout: 30_000 }).toBe(0);
    await checkStaffPage(page, 'desktop-audit');
    await row.getByRole('button', { name: /查看记录/ }).click();
    const details = page.locator('.ant-drawer-content-wrapper').filter({ hasText: '原始记录' });
    await details.getByText(`用户名：${CLERK}`).waitFor();
    await details.getByText('"role": "dept_admin"').waitFor();
    await checkStaffPage(page, 'desktop-audit-details');
    await context.close();
  });

  const phone = VIEWPORTS[1];
  it('works on a phone', { timeout: 240_000 }, async () => {
    const admin = await signInToAdmin(browser, server.url, 'sysadmin', phone);
    for (const [path, ready] of [
      ['/admin/users', /共 \d+ 个账号/],
      ['/admin/departments', /云溪县市场监督管理局/],
      ['/admin/calendars?year=2026', /组成本年度的通知/],
    ] as const) {
      await admin.page.goto(`${server.url}${path}`);
      await admin.page.getByText(ready).first().waitFor();
      await checkStaffPage(admin.page, `phone-${path.split(/[/?]/)[2]}`);
    }
    await admin.context.close();
    const supervisor = await signInToAdmin(browser, server.url, 'supervisor', phone);
    await supervisor.page.goto(`${server.url}/admin/audit`);
    await supervisor.page.getByText(/共 \d+ 条/).waitFor();
    await checkStaffPage(supervisor.page, 'phone-audit');
    await supervisor.context.close();
  });
});
