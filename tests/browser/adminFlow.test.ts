import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FOOD } from '../support/foodApplication';
import { CHROMIUM, startPortalInBrowser, VIEWPORTS, watchPage, type PortalInBrowser } from '../support/portalInBrowser';
import { checkStaffPage, signInToAdmin } from '../support/staffInBrowser';
import type { TestServer } from '../support/startTestServer';
import type { TestClient } from '../support/TestClient';

const PHONE = VIEWPORTS[1]!;
const REVIEW = '材料审查及现场核查';
const DECIDE = '许可决定';

/**
 * The flow editor in the matter editor's 流程 tab, on a draft of 食品经营许可 (受理 1 → 审查 4 →
 * 决定 1 working days, promised in 6): the graph shows the steps; raising 审查 to 5 puts the total
 * over the promise at once; a parallel block and a third branch are added from the side panel; a
 * step left without a name is marked on its node, first by the browser's own check, then, after
 * 保存, with the server's refusal in its place; a pointer in the address selects its step.
 */
describe.skipIf(!CHROMIUM)('flow editor in chromium', () => {
  let apps: PortalInBrowser;
  let server: TestServer;
  let browser: Browser;
  let admin: TestClient;
  let editUrl: string;
  let serverMessage: string;

  beforeAll(async () => {
    apps = await startPortalInBrowser({ shouldSeedCatalog: true, withAdmin: true });
    ({ server, browser } = apps);
    admin = await server.login('scjg_admin');
    const created = await admin.post(`/api/matters/${FOOD}/transitions`, { action: 'newVersion' });
    expect(created.status, created.text).toBe(200);
    editUrl = `${server.url}/admin/matters/${FOOD}/versions/${created.body.version}/edit`;
    // What the server says about a step without a name, to find it on the node later.
    const document = structuredClone(created.body.document);
    document.flow.nodes[2].name = '';
    const refused = await admin.put(`/api/matters/${FOOD}/draft`, { revision: created.body.revision, document });
    expect(refused.status, refused.text).toBe(422);
    const issue = (refused.body.error.details as { pointer: string; message: string }[]).find(
      (detail) => detail.pointer === '/document/flow/nodes/2/name',
    );
    expect(issue).toBeDefined();
    serverMessage = issue!.message;
  }, 300_000);
  afterAll(async () => apps?.close());

  const card = (page: Page, name: string | RegExp) =>
    page.getByRole('button', { name: typeof name === 'string' ? new RegExp(`^${name}`) : name });
  const budget = (page: Page) => page.locator('.flow-budget');

  it(
    'draws the flow, warns when the budgets outgrow the promise, adds a parallel block and a branch',
    { timeout: 180_000 },
    async () => {
      const { context, page } = await signInToAdmin(browser, server.url, 'scjg_admin');
      const { problems } = watchPage(page);
      await page.goto(`${editUrl}?tab=flow`);
      for (const name of ['窗口受理', REVIEW, DECIDE]) await page.getByRole('group', { name: `环节“${name}”` }).waitFor();
      await expect.poll(() => budget(page).innerText()).toContain('流程合计 6 个工作日 / 承诺 6 个工作日');
      expect(await budget(page).innerText()).not.toContain('超过');

      await card(page, REVIEW).click();
      await page.getByRole('heading', { name: `环节：${REVIEW}` }).waitFor();
      await page.getByLabel('环节时限（工作日）').fill('5');
      await expect.poll(() => budget(page).innerText()).toContain('流程合计 7 个工作日 / 承诺 6 个工作日：超过承诺时限');
      // The step's card says its new budget: the graph is the document.
      expect(await card(page, REVIEW).innerText()).toContain('5 个工作日');

      await page.getByRole('button', { name: '在后面添加并联环节' }).click();
      const block = page.getByRole('group', { name: '并联环节“并联审查”' });
      await block.waitFor();
      await page.getByRole('heading', { name: '并联环节：并联审查' }).waitFor();
      expect(await block.getByRole('group', { name: /^分支/ }).count()).toBe(2);
      await page.getByRole('button', { name: '添加分支' }).click();
      await block.getByRole('group', { name: '分支“分支3”' }).waitFor();
      expect(await block.getByRole('group', { name: /^分支/ }).count()).toBe(3);
      // 受理 1 + 审查 5 + one working day in each branch + 决定 1.
      await expect.poll(() => budget(page).innerText()).toContain('流程合计 8 个工作日');
      await checkStaffPage(page, 'desktop-flow-parallel');
      expect(problems).toEqual([]);
      await context.close();
    },
  );

  it('marks a step without a name on its node, then with the server’s refusal after 保存', { timeout: 180_000 }, async () => {
    const { context, page } = await signInToAdmin(browser, server.url, 'scjg_admin');
    const { problems } = watchPage(page);
    await page.goto(`${editUrl}?tab=flow`);
    await card(page, DECIDE).click();
    await page.getByRole('heading', { name: `环节：${DECIDE}` }).waitFor();
    await page.getByLabel('名称', { exact: true }).fill('');
    const unnamed = page.getByRole('group', { name: '环节“”' });
    await unnamed.getByText('请填写环节名称').waitFor();
    await page.getByRole('region', { name: '流程问题' }).getByText('请填写环节名称').waitFor();
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await unnamed.getByText(serverMessage).waitFor();
    // The server's word replaces the browser's for the same defect, rather than repeating it.
    expect(await unnamed.getByText('请填写环节名称').count()).toBe(0);
    // The pointer still rests on 保存, whose hover tone is lighter than its resting one.
    await page.mouse.move(0, 0);
    await checkStaffPage(page, 'desktop-flow-issue');
    expect(problems.filter((problem) => !problem.includes('`tip` is deprecated'))).toEqual([]);
    await context.close();
  });

  it('selects the step a pointer names, on a phone', { timeout: 120_000 }, async () => {
    const { context, page } = await signInToAdmin(browser, server.url, 'scjg_admin', {
      viewport: PHONE.viewport,
      isMobile: PHONE.isMobile,
    });
    await page.goto(`${editUrl}?pointer=${encodeURIComponent('/flow/nodes/1/budgetDays')}`);
    await page.getByRole('heading', { name: `环节：${REVIEW}` }).waitFor();
    expect(await card(page, REVIEW).getAttribute('aria-pressed')).toBe('true');
    await checkStaffPage(page, 'phone-flow');
    await context.close();
  });
});
