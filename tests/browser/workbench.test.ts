import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CITIZEN_ID, prepareFoodDraft, submitDraft } from '../support/foodApplication';
import { CHROMIUM, startPortalInBrowser, VIEWPORTS, watchPage, type PortalInBrowser } from '../support/portalInBrowser';
import { samplePdf, samplePng } from '../support/sampleFiles';
import {
  antdButton as button,
  antdDialog as dialog,
  checkStaffPage,
  finiteMotions,
  isNotAntdNotice,
  settled,
  signInToAdmin,
  waitForOutcome,
} from '../support/staffInBrowser';
import type { TestServer } from '../support/startTestServer';
import type { TestClient } from '../support/TestClient';

const PHONE = VIEWPORTS[1];
const PREMISES = '与食品经营相适应的经营场所使用证明';

/**
 * The notice as chromium prints it: A4 (595×842 points, give or take chromium's rounding), one
 * page, and the sheet's text as printed (the print stylesheet applied: no toolbar).
 */
async function printed(page: Page): Promise<{ text: string; pages: number; mediaBox: number[] }> {
  await page.emulateMedia({ media: 'print' });
  const text = await page.locator('.notice-sheet').innerText();
  expect(await page.locator('.notice-toolbar').isVisible()).toBe(false);
  const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
  await page.emulateMedia({ media: 'screen' });
  const pages = pdf.match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
  const box = /\/MediaBox\s*\[\s*([\d.\s]+)\]/.exec(pdf)?.[1]?.trim().split(/\s+/).map(Number) ?? [];
  return { text, pages, mediaBox: box };
}

async function expectA4(page: Page): Promise<string> {
  const { text, pages, mediaBox } = await printed(page);
  expect(pages).toBe(1);
  expect(Math.round(mediaBox[2] ?? 0)).toBeGreaterThanOrEqual(594);
  expect(Math.round(mediaBox[2] ?? 0)).toBeLessThanOrEqual(596);
  expect(Math.round(mediaBox[3] ?? 0)).toBeGreaterThanOrEqual(841);
  expect(Math.round(mediaBox[3] ?? 0)).toBeLessThanOrEqual(843);
  return text;
}

/**
 * The window's workbench, end to end: three applications by a citizen wait in the queue of the
 * food licence's department; the window previews a material (an image and a PDF), sends one 补正
 * notice listing a material and a form field with their reasons and prints the 一次性告知书; accepts
 * the second (受理通知书); loses a race on the third to a colleague (已被他人处理，请刷新), reloads and
 * refuses it as not competent (不予受理决定书, with where to go and the remedies). Each notice prints
 * to one A4 page; every new page passes axe, on a desktop and on a phone.
 */
describe.skipIf(!CHROMIUM)('the workbench in chromium', () => {
  let apps: PortalInBrowser;
  let server: TestServer;
  let browser: Browser;
  let window: TestClient;
  const numbers: string[] = [];

  beforeAll(async () => {
    apps = await startPortalInBrowser({ shouldSeedCatalog: true, withAdmin: true });
    ({ server, browser } = apps);
    const citizen = await server.login(DEMO_CITIZEN_ID);
    // The fourth stays in the queue for the phone.
    for (const n of [1, 2, 3, 4]) {
      // The first application's premises proof is a scan (an image); the rest are PDFs.
      const draft = await prepareFoodDraft(citizen, {
        bytesFor: (materialId) => (n === 1 && materialId === 'premisesProof' ? samplePng(n) : samplePdf(`${n}-${materialId}`)),
      });
      const submitted = await submitDraft(citizen, draft.id, `workbench-submit-${n}`);
      expect(submitted.status, submitted.text).toBe(201);
      numbers.push(submitted.body.number as string);
    }
    // Staff open only files the virus scanner passed; this server has no scanner, so its verdict is
    // written as the scanner writes it.
    await server.deps.db.query(`UPDATE files SET scan_status = 'clean', scanned_at = $1`, [new Date()]);
    window = await server.login('scjg_window');
  }, 300_000);
  afterAll(async () => apps?.close());

  const openCase = async (page: Page, number: string) => {
    await page.goto(`${server.url}/admin/cases/${number}`);
    await page.getByRole('heading', { level: 1, name: `办件 ${number}` }).waitFor();
    await page.getByText('经营者名称').waitFor();
  };

  it('queues, previews, and sends one 补正 notice listing two items, printed to A4', { timeout: 240_000 }, async () => {
    const [first = ''] = numbers;
    const { context, page } = await signInToAdmin(browser, server.url, 'scjg_window');
    const { problems } = watchPage(page);
    // The queue: every application of the department, with its acceptance deadline.
    const queue = page.getByRole('region', { name: '待受理办件' });
    for (const number of numbers) await queue.getByRole('link', { name: number }).waitFor();
    const row = queue.getByRole('row').filter({ has: page.getByRole('link', { name: first }) });
    await row.getByText(/剩余 \d+ 个工作日|今日到期/).waitFor();
    await row.getByText('李春梅').waitFor();
    await checkStaffPage(page, 'desktop-workbench');
    // A filter is kept in the address.
    await page.getByLabel('搜索办件编号、申请人或事项').fill(first);
    await page.getByLabel('搜索办件编号、申请人或事项').press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(first);
    await expect.poll(() => queue.getByRole('link').count()).toBe(1);

    await queue.getByRole('link', { name: first }).click();
    await page.getByRole('heading', { level: 1, name: `办件 ${first}` }).waitFor();
    // The breadcrumb leads back to the workbench; the form is in its own titles, not pointers.
    await page.locator('.ant-breadcrumb').getByRole('link', { name: '工作台' }).waitFor();
    await page.getByText('云溪县春梅小吃店').waitFor();
    await page.getByText('热食类食品制售').waitFor();
    expect(await page.getByText('/enterpriseName').count()).toBe(0);
    await page.getByText('食品经营许可（第 1 版）').waitFor();
    await page.getByText('提交申请', { exact: true }).waitFor();
    await checkStaffPage(page, 'desktop-case');

    // An image material in the modal, loaded from the API under the page's CSP.
    await page.getByRole('button', { name: '预览 premisesProof.pdf' }).click();
    const imagePreview = dialog(page, '预览：premisesProof.pdf');
    const image = imagePreview.locator('img');
    await expect
      .poll(() => image.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth))
      .toBeGreaterThan(0);
    await checkStaffPage(page, 'desktop-case-preview-image');
    await imagePreview
      .locator('.ant-modal-footer')
      .getByRole('button', { name: button('关闭') })
      .click();
    await imagePreview.waitFor({ state: 'hidden' });
    // A PDF framed from a blob of the same bytes.
    await page.getByRole('button', { name: '预览 equipmentLayout.pdf' }).click();
    const pdfPreview = dialog(page, '预览：equipmentLayout.pdf');
    const frame = pdfPreview.locator('iframe');
    await expect.poll(() => frame.getAttribute('src')).toMatch(/^blob:/);
    await settled(page);
    await page.screenshot({ path: 'tests/browser/screenshots/admin-desktop-case-preview-pdf.png' });
    await pdfPreview
      .locator('.ant-modal-footer')
      .getByRole('button', { name: button('关闭') })
      .click();
    await pdfPreview.waitFor({ state: 'hidden' });

    // One notice with everything missing: a material and a form field, each with its reason.
    await page.getByRole('button', { name: '一次性告知补正' }).click();
    const notice = dialog(page, '一次性告知补正');
    await notice.getByRole('checkbox', { name: PREMISES }).check();
    await notice.getByLabel(`${PREMISES}的补正理由`).fill('租赁协议未加盖出租方印章');
    await notice.getByRole('checkbox', { name: '联系电话' }).check();
    // A ticked item without its reason is not sent.
    await notice.getByRole('button', { name: '发出告知（2 项）' }).click();
    await notice.getByText('请写明理由').waitFor();
    await notice.getByLabel('联系电话的补正理由').fill('号码无法接通，请核实');
    await checkStaffPage(page, 'desktop-supplement-dialog');
    await notice.getByRole('button', { name: '发出告知（2 项）' }).click();
    await page.getByText('已发出一次性告知').waitFor();
    await page.locator('.page-heading').getByText('待补正').waitFor();
    await page
      .getByText(/租赁协议未加盖出租方印章/)
      .first()
      .waitFor();
    const stored = await window.get(`/api/cases/${first}`);
    expect(stored.body.supplement).toEqual([
      { kind: 'material', materialId: 'premisesProof', reason: '租赁协议未加盖出租方印章' },
      { kind: 'field', pointer: '/phone', reason: '号码无法接通，请核实' },
    ]);

    await page.getByRole('link', { name: '一次性告知书' }).click();
    await page.getByRole('heading', { level: 1, name: '一次性告知书' }).waitFor();
    await checkStaffPage(page, 'desktop-notice-supplement');
    const text = await expectA4(page);
    expect(text).toContain(first);
    expect(text).toContain('食品经营许可');
    expect(text).toContain('李春梅');
    expect(text).toMatch(/补字〔\d{4}〕\d+号/);
    expect(text).toContain(`${PREMISES}`);
    expect(text).toContain('租赁协议未加盖出租方印章');
    expect(text).toContain('联系电话');
    expect(text).toContain('号码无法接通，请核实');
    expect(text).toContain('（盖章）');
    expect(text).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
    // The receipt of the same case lists what was received.
    await page.goto(`${server.url}/admin/cases/${first}/notices/receipt`);
    await page.getByRole('heading', { level: 1, name: '材料接收凭证' }).waitFor();
    expect(await expectA4(page)).toContain('premisesProof.pdf');
    await checkStaffPage(page, 'desktop-notice-receipt');
    expect(problems.filter(isNotAntdNotice)).toEqual([]);
    await context.close();
  });

  it('accepts a case and prints the 受理通知书', { timeout: 180_000 }, async () => {
    const second = numbers[1] ?? '';
    const { context, page } = await signInToAdmin(browser, server.url, 'scjg_window');
    const { problems, refusals } = watchPage(page);
    await openCase(page, second);
    await page.getByRole('button', { name: button('受理') }).click();
    // The system asks for reduced motion (see signInToAdmin): the confirmation is there at once, not zooming in.
    const confirmation = dialog(page, '受理该申请？');
    await confirmation.getByRole('button', { name: button('确定') }).waitFor();
    expect(await finiteMotions(page)).toBe(0);
    await confirmation.getByRole('button', { name: button('确定') }).click();
    // Accepted, the flow starts: the case is in review at once.
    await waitForOutcome(page, page.locator('.page-heading').getByText(/已受理|审查中/), refusals);
    await page.getByText('办结期限').waitFor();
    await page
      .getByText(/剩余 \d+ 个工作日/)
      .first()
      .waitFor();
    expect(await page.getByRole('button', { name: button('受理') }).count()).toBe(0);
    await checkStaffPage(page, 'desktop-case-accepted');
    await page.getByRole('link', { name: '受理通知书' }).click();
    await page.getByRole('heading', { level: 1, name: '受理通知书' }).waitFor();
    await checkStaffPage(page, 'desktop-notice-acceptance');
    const text = await expectA4(page);
    expect(text).toContain(second);
    expect(text).toContain('决定予以受理');
    expect(text).toMatch(/受字〔\d{4}〕\d+号/);
    expect(text).toContain('云溪县市场监督管理局');
    expect(problems.filter(isNotAntdNotice)).toEqual([]);
    await context.close();
  });

  it('takes the accepted case through review and decision from the task queues', { timeout: 180_000 }, async () => {
    const second = numbers[1] ?? '';
    const reviewer = await signInToAdmin(browser, server.url, 'scjg_reviewer');
    const { problems } = watchPage(reviewer.page);
    // The back office starts at its own tasks; the step waits in the department's queue.
    await reviewer.page.getByRole('tab', { name: '部门待办' }).click();
    const queue = reviewer.page.getByRole('region', { name: '部门待认领任务' });
    const row = queue.getByRole('row').filter({ has: reviewer.page.getByRole('link', { name: second }) });
    await row.getByText('材料审查及现场核查').waitFor();
    await row.getByText(/剩余 \d+ 个工作日|今日到期/).waitFor();
    await checkStaffPage(reviewer.page, 'desktop-workbench-department');
    await row.getByRole('link', { name: second }).click();
    const panel = reviewer.page.locator('.ant-card').filter({ hasText: '办理' }).filter({ hasText: '材料审查及现场核查' });
    await panel.getByRole('button', { name: button('通过') }).click();
    const approve = dialog(reviewer.page, '通过：材料审查及现场核查');
    await approve.getByLabel('办理意见').fill('材料齐全，现场核查符合要求');
    await checkStaffPage(reviewer.page, 'desktop-task-approve');
    await approve
      .locator('.ant-modal-footer')
      .getByRole('button', { name: button('通过') })
      .click();
    await reviewer.page.getByText('已办理').waitFor();
    expect(problems.filter(isNotAntdNotice)).toEqual([]);
    await reviewer.context.close();

    const chief = await signInToAdmin(browser, server.url, 'scjg_chief');
    await openCase(chief.page, second);
    await chief.page.getByRole('button', { name: '准予许可' }).click();
    const decide = dialog(chief.page, '准予许可：许可决定');
    // The 文号 is asked for before anything is sent; the form must be mounted before the click, or
    // a loaded machine clicks 准予许可 on a dialog whose fields are not registered yet.
    await decide.getByLabel('决定文号或证照编号').waitFor();
    // And at rest: CI lost this click on a dialog still zooming in.
    await settled(chief.page);
    await decide.locator('.ant-modal-footer').getByRole('button', { name: '准予许可' }).click();
    await decide.getByText('请填写文号').waitFor();
    await decide.getByLabel('决定文号或证照编号').fill('JY14399010000001');
    await decide.locator('.ant-modal-footer').getByRole('button', { name: '准予许可' }).click();
    await chief.page.locator('.page-heading').getByText('已决定').waitFor();
    // The statutory limit is for deciding: the clock stopped, on time.
    await chief.page.getByText('按期办结').waitFor();
    await checkStaffPage(chief.page, 'desktop-case-decided');
    await chief.page.getByRole('link', { name: '准予行政许可决定书' }).click();
    await chief.page.getByRole('heading', { level: 1, name: '准予行政许可决定书' }).waitFor();
    await checkStaffPage(chief.page, 'desktop-notice-decision');
    const text = await expectA4(chief.page);
    expect(text).toContain('JY14399010000001');
    expect(text).toContain('决定准予行政许可');
    expect(text).toContain('食品经营许可证');
    await chief.context.close();
  });

  it('says a colleague got there first, reloads, and refuses with the competent body', { timeout: 180_000 }, async () => {
    const third = numbers[2] ?? '';
    const { context, page } = await signInToAdmin(browser, server.url, 'scjg_window');
    const { problems } = watchPage(page);
    await openCase(page, third);
    // A colleague answers the same case meanwhile (a 补正 notice).
    const read = await window.get(`/api/cases/${third}`);
    const other = await window.post(`/api/cases/${third}/actions`, {
      action: 'supplement',
      idempotencyKey: 'workbench-colleague-1',
      revision: read.body.revision,
      items: [{ kind: 'material', materialId: 'safetyRules', reason: '缺少进货查验记录制度' }],
    });
    expect(other.status, other.text).toBe(200);
    await page.getByRole('button', { name: button('受理') }).click();
    const confirmation = dialog(page, '受理该申请？');
    await confirmation.getByRole('button', { name: button('确定') }).waitFor();
    await settled(page);
    await confirmation.getByRole('button', { name: button('确定') }).click();
    await page.getByText('已被他人处理，请刷新').waitFor();
    await checkStaffPage(page, 'desktop-case-conflict');
    await page.getByRole('button', { name: button('刷新') }).click();
    await page.locator('.page-heading').getByText('待补正').waitFor();
    expect(await page.getByText('已被他人处理，请刷新').count()).toBe(0);

    await page.getByRole('button', { name: '不予受理' }).click();
    const refuse = dialog(page, '决定不予受理');
    await refuse.getByLabel('不予受理的理由').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '不属于本机关职权范围' }).click();
    // Not competent: where the applicant must go is required (不推诿).
    await refuse.getByRole('button', { name: '决定不予受理' }).click();
    await refuse.getByText('不属于本机关职权范围的，须告知有权受理的机关').waitFor();
    await refuse.getByLabel('有权受理的机关').fill('云溪县卫生健康局');
    await refuse.getByLabel('说明').fill('申请的是公共场所卫生许可');
    await checkStaffPage(page, 'desktop-refuse-dialog');
    await refuse.getByRole('button', { name: '决定不予受理' }).click();
    await page.locator('.page-heading').getByText('不予受理').waitFor();
    await page.getByText(/请向云溪县卫生健康局申请/).waitFor();

    await page.getByRole('link', { name: '不予受理决定书' }).click();
    await page.getByRole('heading', { level: 1, name: '不予受理决定书' }).waitFor();
    await checkStaffPage(page, 'desktop-notice-refusal');
    const text = await expectA4(page);
    expect(text).toContain(third);
    expect(text).toContain('不属于本机关职权范围');
    expect(text).toContain('申请的是公共场所卫生许可');
    expect(text).toContain('请向云溪县卫生健康局提出申请');
    expect(text).toContain('六十日内');
    expect(text).toContain('行政复议');
    expect(text).toContain('六个月内');
    expect(text).toContain('行政诉讼');
    expect(text).toMatch(/不受字〔\d{4}〕\d+号/);
    // The 受理 notice does not exist for a refused case.
    await page.goto(`${server.url}/admin/cases/${third}/notices/acceptance`);
    await page.getByText('该办件没有这份文书').waitFor();
    expect(problems.filter(isNotAntdNotice)).toEqual([]);
    await context.close();
  });

  it('fits a phone: the queue, a case and a notice', { timeout: 180_000 }, async () => {
    const phone = await signInToAdmin(browser, server.url, 'scjg_window', PHONE);
    const queue = phone.page.getByRole('region', { name: '待受理办件' });
    await queue.getByRole('link', { name: numbers[3] ?? '' }).waitFor();
    // Answered cases have left the queue.
    expect(await queue.getByRole('link', { name: numbers[1] ?? '' }).count()).toBe(0);
    await checkStaffPage(phone.page, 'phone-workbench');
    await openCase(phone.page, numbers[0] ?? '');
    await checkStaffPage(phone.page, 'phone-case');
    await phone.page.goto(`${server.url}/admin/cases/${numbers[2] ?? ''}/notices/refusal`);
    await phone.page.getByRole('heading', { level: 1, name: '不予受理决定书' }).waitFor();
    await checkStaffPage(phone.page, 'phone-notice-refusal');
    await phone.context.close();
  });
});
