import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CITIZEN_ID, submitDraft } from '../support/foodApplication';
import { foodLicence } from '../support/matterFixtures';
import { CHROMIUM, startPortalInBrowser, VIEWPORTS, watchPage, type PortalInBrowser } from '../support/portalInBrowser';
import { publishMatter } from '../support/publishMatter';
import {
  antdButton as button,
  antdDialog as dialog,
  checkStaffPage,
  isNotAntdNotice,
  settled,
  signInToAdmin,
} from '../support/staffInBrowser';
import type { TestServer } from '../support/startTestServer';

const PHONE = VIEWPORTS[1];
const SCJG = '11439901006010015W';

/** The food licence whose review step offers 特别程序 (专家评审 at most 5 working days), with an extension of 5. */
const clockMatter = () => {
  const base = foodLicence({ suffix: '0001310240201' });
  return {
    ...base,
    timeLimits: {
      statutory: { value: 10, unit: 'workday', extension: { value: 5, unit: 'workday', approver: '本行政机关负责人' } },
      promised: { value: 6, unit: 'workday' },
    },
    specialProcedures: [
      { name: '专家评审', kind: 'expertReview', maxDays: 5, unit: 'workday', isCounted: false },
      { name: '现场踏勘', kind: 'siteSurvey', isCounted: true },
    ],
    flow: {
      ...base.flow,
      nodes: base.flow.nodes.map((node) =>
        node.id === 'review' ? { ...node, actions: ['approve', 'return', 'transfer', 'addSigner', 'specialProcedure'] } : node,
      ),
    },
  };
};

/** The panel's 已办理, or the refusal it shows instead, as the failure's message. */
async function expectDone(page: Page): Promise<void> {
  const done = page.getByText('已办理').first();
  const refused = page.locator('.ant-alert-error, .ant-form-item-explain-error').first();
  const state = async () =>
    (await done.isVisible()) ? 'done' : (await refused.isVisible()) ? await refused.innerText() : 'waiting';
  await expect.poll(state, { timeout: 30_000 }).toBe('done');
}

/** A4, one page, and the sheet's text as printed. */
async function printedA4(page: Page): Promise<string> {
  await page.emulateMedia({ media: 'print' });
  const text = await page.locator('.notice-sheet').innerText();
  const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
  await page.emulateMedia({ media: 'screen' });
  expect(pdf.match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0).toBe(1);
  const box = /\/MediaBox\s*\[\s*([\d.\s]+)\]/.exec(pdf)?.[1]?.trim().split(/\s+/).map(Number) ?? [];
  expect(Math.round(box[2] ?? 0)).toBeGreaterThanOrEqual(594);
  expect(Math.round(box[3] ?? 0)).toBeLessThanOrEqual(843);
  return text;
}

/**
 * The workbench's clock, end to end: a reviewer starts 专家评审 from the action panel (the step's
 * procedure, a reason, the days at most its maximum), prints the 特别程序告知书, ends it, and hands
 * the task to a colleague picked by name; the chief extends the limit once; on a phone the queue is
 * a list of cards. axe on every new state, screenshots on a desktop and a phone.
 */
describe.skipIf(!CHROMIUM)('the workbench clock in chromium', () => {
  let apps: PortalInBrowser;
  let server: TestServer;
  let browser: Browser;
  const numbers: string[] = [];

  beforeAll(async () => {
    apps = await startPortalInBrowser({ shouldSeedCatalog: true, withAdmin: true });
    ({ server, browser } = apps);
    const sysadmin = await server.login('sysadmin');
    const created = await sysadmin.post('/api/users', {
      username: 'scjg_clock_colleague',
      displayName: '陈志远',
      role: 'reviewer',
      departmentCode: SCJG,
      password: 'workbench-clock-2026',
    });
    expect(created.status, created.text).toBe(201);
    const document = clockMatter();
    await publishMatter(await server.login('legal'), document);
    const citizen = await server.login(DEMO_CITIZEN_ID);
    const window = await server.login('scjg_window');
    for (const n of [1, 2]) {
      const draft = await citizen.post('/api/drafts', { matterCode: document.code });
      expect(draft.status, draft.text).toBe(201);
      const saved = await citizen.put(`/api/drafts/${draft.body.id}`, {
        revision: draft.body.revision,
        answers: {},
        formData: { enterpriseName: '云溪县春梅小吃店', creditCode: '92439901MA4L0XXX1X', byAgent: false },
        materials: {},
      });
      expect(saved.status, saved.text).toBe(200);
      const submitted = await submitDraft(citizen, draft.body.id as string, `workbench-clock-submit-${n}`);
      expect(submitted.status, submitted.text).toBe(201);
      const number = submitted.body.number as string;
      const accepted = await window.post(`/api/cases/${number}/actions`, {
        action: 'accept',
        idempotencyKey: `workbench-clock-accept-${n}`,
        revision: 1,
      });
      expect(accepted.status, accepted.text).toBe(200);
      numbers.push(number);
    }
  }, 300_000);
  afterAll(async () => apps?.close());

  const openCase = async (page: Page, number: string) => {
    await page.goto(`${server.url}/admin/cases/${number}`);
    await page.getByRole('heading', { level: 1, name: `办件 ${number}` }).waitFor();
    await page.getByText('办结期限').waitFor();
  };

  it(
    'starts 专家评审 from the panel, prints its notice to A4, ends it, and transfers with the picker',
    { timeout: 300_000 },
    async () => {
      const [first = ''] = numbers;
      const { context, page } = await signInToAdmin(browser, server.url, 'scjg_reviewer');
      const { problems } = watchPage(page);
      await openCase(page, first);
      await page.getByRole('button', { name: button('认领') }).click();
      await page.getByText('（我承办）').waitFor();

      await page.getByRole('button', { name: '启动特别程序' }).click();
      const start = dialog(page, '行政许可法第四十五条');
      await start.getByRole('combobox', { name: '特别程序' }).click();
      // A procedure the matter counts holds no clock: only 专家评审 is offered.
      expect(await page.locator('.ant-select-item-option').filter({ hasText: '现场踏勘' }).count()).toBe(0);
      await page.locator('.ant-select-item-option').filter({ hasText: '专家评审' }).click();
      await start.getByLabel('理由').fill('涉及新型食品工艺，需组织专家论证');
      await start.getByLabel(/预计所需时间/).fill('6');
      await start.getByRole('button', { name: '启动，暂停计时' }).click();
      await start.getByText('不能超过 5 个工作日').waitFor();
      await start.getByLabel(/预计所需时间/).fill('3');
      await checkStaffPage(page, 'desktop-procedure-dialog');
      await start.getByRole('button', { name: '启动，暂停计时' }).click();
      await expectDone(page);
      // The ledger's open entry with the procedure's maximum (the 受理 day never counts: a pause
      // started on it holds from the next day).
      await page.getByText(/专家评审：\d{4}年\d+月\d+日至今（进行中），最长 5 个工作日/).waitFor();
      await checkStaffPage(page, 'desktop-case-paused');

      await page.getByRole('link', { name: '特别程序告知书' }).click();
      await page.getByRole('heading', { level: 1, name: '特别程序告知书' }).waitFor();
      await checkStaffPage(page, 'desktop-notice-procedure');
      const text = await printedA4(page);
      expect(text).toContain(first);
      expect(text).toContain('需进行专家评审');
      expect(text).toContain('因涉及新型食品工艺，需组织专家论证');
      expect(text).toContain('预计需要3个工作日');
      expect(text).toContain('第四十五条');
      expect(text).toContain('不计算在办理期限内');
      expect(text).toMatch(/特字〔\d{4}〕第\d{6}号/);

      await openCase(page, first);
      await page.getByRole('button', { name: '结束专家评审' }).click();
      await dialog(page, '结束专家评审？').getByRole('button', { name: '结束，恢复计时' }).click();
      await expectDone(page);
      await page.getByText(/专家评审：\d{4}年\d+月\d+日至\d{4}年\d+月\d+日，最长/).waitFor();
      expect(await page.getByRole('button', { name: '结束专家评审' }).count()).toBe(0);

      // 转办: the colleague by name, from those the platform accepts.
      await page.getByRole('button', { name: button('转办') }).click();
      const transfer = dialog(page, '转办：');
      await transfer.getByRole('combobox', { name: '转办给' }).click();
      await page.locator('.ant-select-item-option').filter({ hasText: '陈志远（审查人员）' }).click();
      await checkStaffPage(page, 'desktop-transfer-dialog');
      await transfer.getByRole('button', { name: button('转办') }).click();
      await expectDone(page);
      await expect.poll(() => page.getByText('（我承办）').count()).toBe(0);
      expect(problems.filter(isNotAntdNotice)).toEqual([]);
      await context.close();
    },
  );

  it('lets the chief extend the limit once, within what the matter allows', { timeout: 180_000 }, async () => {
    const [first = ''] = numbers;
    const { context, page } = await signInToAdmin(browser, server.url, 'scjg_chief');
    const { problems } = watchPage(page);
    await openCase(page, first);
    const due = await page.locator('.ant-descriptions-item').filter({ hasText: '办结期限' }).innerText();
    await page.getByRole('button', { name: '延长办理期限' }).click();
    const extend = dialog(page, '行政许可法第四十二条');
    await extend.getByText('须由本行政机关负责人批准').waitFor();
    await extend.getByLabel('批准人').fill('县市场监督管理局局长 王建国');
    await extend.getByLabel(/延长理由/).fill('现场核查发现情况复杂，需补充核查');
    await extend.getByLabel(/^延长（/).fill('8');
    await extend.getByRole('button', { name: '延长期限' }).click();
    await extend.getByText('不能超过 5 个工作日').waitFor();
    await extend.getByLabel(/^延长（/).fill('3');
    await checkStaffPage(page, 'desktop-extend-dialog');
    await extend.getByRole('button', { name: '延长期限' }).click();
    await expectDone(page);
    await expect.poll(() => page.getByRole('button', { name: '延长办理期限' }).count()).toBe(0);
    // Three working days later than before.
    await expect.poll(() => page.locator('.ant-descriptions-item').filter({ hasText: '办结期限' }).innerText()).not.toBe(due);
    await checkStaffPage(page, 'desktop-case-extended');
    expect(problems.filter(isNotAntdNotice)).toEqual([]);
    await context.close();
  });

  it('lists the queue as cards on a phone, and shows the clock with its ledger', { timeout: 180_000 }, async () => {
    const second = numbers[1] ?? '';
    const phone = await signInToAdmin(browser, server.url, 'scjg_reviewer', PHONE);
    await phone.page.goto(`${server.url}/admin/?tab=department`);
    const queue = phone.page.getByRole('region', { name: '部门待认领任务' });
    await queue.getByRole('link', { name: second }).waitFor();
    expect(await queue.locator('.ant-table').count()).toBe(0);
    await queue.locator('.queue-card').filter({ hasText: second }).getByText('审查', { exact: true }).waitFor();
    await queue
      .getByText(/剩余 \d+ 个工作日|今日到期/)
      .first()
      .waitFor();
    // Nothing wider than the phone: no sideways scrolling.
    const width = await phone.page.evaluate(
      () =>
        (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement
          .scrollWidth,
    );
    expect(width).toBeLessThanOrEqual(PHONE.viewport.width);
    await checkStaffPage(phone.page, 'phone-workbench-cards');
    await openCase(phone.page, numbers[0] ?? '');
    await phone.page.getByText(/专家评审：/).waitFor();
    await checkStaffPage(phone.page, 'phone-case-clock');
    await phone.context.close();
  });

  it('lets the chief move a misrouted task to the competent department (转其他部门)', { timeout: 180_000 }, async () => {
    const second = numbers[1] ?? '';
    const { context, page } = await signInToAdmin(browser, server.url, 'scjg_chief');
    const { problems } = watchPage(page);
    await openCase(page, second);
    await page.getByRole('button', { name: '转其他部门' }).click();
    const move = dialog(page, '转其他部门：');
    await settled(page);
    await move.getByRole('combobox', { name: '转交有权办理的部门' }).click();
    // Its own department is not offered.
    await page.locator('.ant-select-item-option').filter({ hasText: '云溪县卫生健康局' }).waitFor();
    expect(await page.locator('.ant-select-item-option').filter({ hasText: '云溪县市场监督管理局' }).count()).toBe(0);
    // The list at rest before the pick: CI lost a click on it while it slid open.
    await settled(page);
    await page.locator('.ant-select-item-option').filter({ hasText: '云溪县卫生健康局' }).click();
    await expect.poll(() => move.locator('.ant-select').first().innerText()).toContain('云溪县卫生健康局');
    await move.getByLabel(/转交的理由/).fill('涉及餐饮卫生许可，属卫生健康局职权');
    await checkStaffPage(page, 'desktop-transfer-department-dialog');
    await move.locator('.ant-modal-footer').getByRole('button', { name: '转其他部门' }).click();
    await expectDone(page);
    await expect.poll(() => page.getByRole('button', { name: '转其他部门' }).count()).toBe(0);
    const stored = await (await server.login('scjg_chief')).get(`/api/cases/${second}/events`);
    const moved = (stored.body.items as { type: string; details: Record<string, unknown> }[]).find(
      (event) => event.type === 'task_department_transferred',
    );
    expect(moved?.details).toMatchObject({ reason: '涉及餐饮卫生许可，属卫生健康局职权' });
    await checkStaffPage(page, 'desktop-case-transferred');
    expect(problems.filter(isNotAntdNotice)).toEqual([]);
    await context.close();
  });
});
