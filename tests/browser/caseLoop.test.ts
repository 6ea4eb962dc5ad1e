import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CITIZEN_ID, FOOD_SUPPLEMENT_ITEMS, prepareFoodDraftInBrowser } from '../support/foodApplication';
import {
  CHROMIUM,
  SCREENSHOTS,
  VIEWPORTS,
  startPortalInBrowser,
  watchPage,
  type PortalInBrowser,
} from '../support/portalInBrowser';
import { samplePdf } from '../support/sampleFiles';
import {
  antdButton as button,
  antdDialog as dialog,
  checkStaffPage,
  isNotAntdNotice,
  settled,
  signInToAdmin,
  waitForOutcome,
} from '../support/staffInBrowser';
import { DEMO_PASSWORD } from '../support/startTestServer';
import type { TestClient } from '../support/TestClient';

/**
 * Issue 9's whole loop as the citizen lives it, in chromium on a desktop and a phone: they submit
 * in the portal; the window sends one 补正 listing two items from its workbench and prints the
 * 一次性告知书; they supply both; the window accepts and prints the 受理通知书; the reviewer approves,
 * the chief decides 准予 with a 文号 and attaches the licence, each in the workbench at its own desk
 * (a desktop, whichever device the citizen uses); the citizen follows each step in the timeline with
 * the expected date, opens the 准予行政许可决定书 and downloads the licence. Every notice prints to
 * A4 and is read back; axe on every new page of both apps.
 */
const LICENCE_NUMBER = 'JY14399010077777';
const PREMISES = '与食品经营相适应的经营场所使用证明';

/** The page as chromium prints it: its text under the print stylesheet, the PDF's pages and paper size. */
async function printed(page: Page, selector: string): Promise<{ text: string; pages: number; mediaBox: number[] }> {
  await page.emulateMedia({ media: 'print' });
  const text = await page.locator(selector).innerText();
  const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
  await page.emulateMedia({ media: 'screen' });
  const pages = pdf.match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
  const box = /\/MediaBox\s*\[\s*([\d.\s]+)\]/.exec(pdf)?.[1]?.trim().split(/\s+/).map(Number) ?? [];
  return { text, pages, mediaBox: box };
}

const expectA4 = (box: number[]) => {
  expect(Math.round(box[2] ?? 0)).toBeGreaterThanOrEqual(594);
  expect(Math.round(box[2] ?? 0)).toBeLessThanOrEqual(596);
  expect(Math.round(box[3] ?? 0)).toBeGreaterThanOrEqual(841);
  expect(Math.round(box[3] ?? 0)).toBeLessThanOrEqual(843);
};

/** A notice opened from the case page's 文书打印, printed: one A4 page, and its text as printed. */
async function printedNotice(page: Page, number: string, title: string): Promise<string> {
  await page.getByRole('link', { name: title, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  const { text, pages, mediaBox } = await printed(page, '.notice-sheet');
  expect(pages).toBe(1);
  expectA4(mediaBox);
  expect(text).toContain(title);
  expect(text).toContain(number);
  expect(text).toContain('（盖章）');
  return text;
}

describe.skipIf(!CHROMIUM)('the case loop in chromium', () => {
  let portal: PortalInBrowser;
  let browser: Browser;
  let window: TestClient;

  beforeAll(async () => {
    portal = await startPortalInBrowser({ shouldSeedCatalog: true, withAdmin: true });
    ({ browser } = portal);
    window = await portal.server.login('scjg_window');
  }, 300_000);
  afterAll(async () => portal?.close());

  /** A staff member at their desk, on the case's page in the workbench. */
  const staffOnCase = async (username: string, number: string) => {
    const staff = await signInToAdmin(browser, portal.server.url, username);
    const { problems, refusals } = watchPage(staff.page);
    await staff.page.goto(`${portal.server.url}/admin/cases/${number}`);
    await staff.page.getByRole('heading', { level: 1, name: `办件 ${number}` }).waitFor();
    await staff.page.getByText('经营者名称').waitFor();
    const close = async () => {
      expect(problems.filter(isNotAntdNotice)).toEqual([]);
      await staff.context.close();
    };
    return { page: staff.page, refusals, close };
  };

  /** The window's one 补正 notice of the two items, from the case page, and its 一次性告知书 on A4. */
  const windowAsksForSupplement = async (number: string, shot: string) => {
    const staff = await staffOnCase('scjg_window', number);
    const { page } = staff;
    await checkStaffPage(page, `${shot}-case`);
    await page.getByRole('button', { name: '一次性告知补正' }).click();
    const notice = dialog(page, '一次性告知补正');
    await notice.getByRole('checkbox', { name: PREMISES, exact: true }).check();
    await notice.getByLabel(`${PREMISES}的补正理由`, { exact: true }).fill(FOOD_SUPPLEMENT_ITEMS[0]?.reason ?? '');
    await notice.getByRole('checkbox', { name: '经营场所', exact: true }).check();
    await notice.getByLabel('经营场所的补正理由', { exact: true }).fill(FOOD_SUPPLEMENT_ITEMS[1]?.reason ?? '');
    await notice.getByRole('button', { name: '发出告知（2 项）' }).click();
    await page.getByText('已发出一次性告知').waitFor();
    await page.locator('.page-heading').getByText('待补正').waitFor();
    const stored = await window.get(`/api/cases/${number}`);
    expect(stored.body.supplement).toEqual(FOOD_SUPPLEMENT_ITEMS);
    const text = await printedNotice(page, number, '一次性告知书');
    await checkStaffPage(page, `${shot}-notice-supplement`);
    expect(text).toMatch(/补字〔\d{4}〕\d+号/);
    expect(text).toContain(PREMISES);
    expect(text).toContain(FOOD_SUPPLEMENT_ITEMS[0]?.reason);
    expect(text).toContain('经营场所');
    expect(text).toContain(FOOD_SUPPLEMENT_ITEMS[1]?.reason);
    await staff.close();
  };

  /** 受理 on the case page once the 补正 is in, and the 受理通知书 on A4. */
  const windowAccepts = async (number: string, shot: string) => {
    const staff = await staffOnCase('scjg_window', number);
    const { page } = staff;
    await page.getByRole('button', { name: button('受理') }).click();
    const confirmation = dialog(page, '受理该申请？');
    await confirmation.getByRole('button', { name: button('确定') }).waitFor();
    await settled(page);
    await confirmation.getByRole('button', { name: button('确定') }).click();
    await waitForOutcome(page, page.locator('.page-heading').getByText(/已受理|审查中/), staff.refusals);
    await page.getByText('办结期限').waitFor();
    await checkStaffPage(page, `${shot}-case-accepted`);
    const text = await printedNotice(page, number, '受理通知书');
    await checkStaffPage(page, `${shot}-notice-acceptance`);
    expect(text).toContain('决定予以受理');
    expect(text).toMatch(/受字〔\d{4}〕\d+号/);
    expect(text).toContain('云溪县市场监督管理局');
    await staff.close();
  };

  /** The reviewer's 通过 from the action panel, with an opinion. */
  const reviewerApproves = async (number: string, shot: string) => {
    const staff = await staffOnCase('scjg_reviewer', number);
    const { page } = staff;
    const panel = page.locator('.ant-card').filter({ hasText: '办理' }).filter({ hasText: '材料审查及现场核查' });
    await panel.getByRole('button', { name: button('通过') }).click();
    const approve = dialog(page, '通过：材料审查及现场核查');
    await approve.getByLabel('办理意见').fill('材料齐全，现场核查符合要求');
    await checkStaffPage(page, `${shot}-task-approve`);
    await approve
      .locator('.ant-modal-footer')
      .getByRole('button', { name: button('通过') })
      .click();
    await page.getByText('已办理').first().waitFor();
    // Reloaded: the step has moved on to the chief, and the reviewer has nothing left to do on it.
    await expect.poll(() => page.getByRole('button', { name: button('通过') }).count()).toBe(0);
    await staff.close();
  };

  /** The chief's 准予 with its 文号 in the workbench, then the licence attached from the result panel. */
  const chiefDecides = async (number: string, shot: string) => {
    const staff = await staffOnCase('scjg_chief', number);
    const { page } = staff;
    await page.getByRole('button', { name: '准予许可' }).click();
    const decide = dialog(page, '准予许可：许可决定');
    await decide.getByLabel('决定文号或证照编号').fill(LICENCE_NUMBER);
    await decide.locator('.ant-modal-footer').getByRole('button', { name: '准予许可' }).click();
    await page.locator('.page-heading').getByText('已决定').waitFor();
    await checkStaffPage(page, `${shot}-case-decided`);
    const result = page.locator('.ant-card').filter({ hasText: '许可结果（证照）' });
    await result.getByText('尚未附上许可结果').waitFor();
    await page.getByLabel('选择许可结果文件').setInputFiles({
      name: '食品经营许可证.pdf',
      mimeType: 'application/pdf',
      buffer: samplePdf('食品经营许可证'),
    });
    await waitForOutcome(page, result.getByText('已附：食品经营许可证.pdf'), staff.refusals);
    await result.getByRole('button', { name: '替换许可结果' }).waitFor();
    await checkStaffPage(page, `${shot}-case-result`);
    await staff.close();
  };

  for (const { name, viewport, isMobile } of VIEWPORTS) {
    it(`follows a case from submit to the decision and its licence (${name})`, { timeout: 420_000 }, async () => {
      const { server } = portal;
      const staffShot = `case-loop-${name}`;
      const context = await browser.newContext({
        viewport,
        isMobile,
        hasTouch: isMobile,
        locale: 'zh-CN',
        acceptDownloads: true,
      });
      const page: Page = await context.newPage();
      const { problems } = watchPage(page);
      const check = async (shot: string) => {
        const { violations } = await new AxeBuilder({ page }).analyze();
        const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
        await page.screenshot({ path: join(SCREENSHOTS, `${name}-case-loop-${shot}.png`), fullPage: true });
      };

      await page.goto(`${server.url}/login?next=%2Fapplications`);
      await page.getByLabel('身份证号或用户名').fill(DEMO_CITIZEN_ID);
      await page.getByLabel('密码').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByRole('heading', { level: 1, name: '我的办件' }).waitFor();

      const draftId = await prepareFoodDraftInBrowser(context.request, server.url);
      await page.goto(`${server.url}/drafts/${draftId}`);
      await page.getByRole('button', { name: '提交申请' }).click();
      await page.getByRole('heading', { level: 1, name: '材料接收凭证' }).waitFor();
      const number = /\/applications\/([0-9A-Z]+)\/receipt/.exec(page.url())?.[1] ?? '';
      const receipt = await printed(page, '.receipt-sheet');
      expect(receipt.text).toContain('材料接收凭证');
      expect(receipt.text).toContain(number);
      expectA4(receipt.mediaBox);
      await check('1-receipt');

      // 补正 of two items from the window's workbench, answered in the portal.
      await windowAsksForSupplement(number, staffShot);
      await page.goto(`${server.url}/applications/${number}/supplement`);
      const proof = page.locator('.supplement-item').first();
      await proof.locator('input[type=file]').setInputFiles({
        name: '经营场所租赁合同（续签）.pdf',
        mimeType: 'application/pdf',
        buffer: samplePdf(`renewed ${name}`),
      });
      await proof.getByText('经营场所租赁合同（续签）.pdf', { exact: true }).waitFor();
      await page.getByLabel('经营场所', { exact: true }).fill('云溪县城关镇解放路 14 号');
      await page.getByRole('button', { name: '提交补正' }).click();
      await page.waitForURL(/\/applications\/[0-9A-Z]+\?supplemented=1$/);

      // 受理, 审查通过, 准予 with its 文号, and the licence attached, each in the workbench.
      await windowAccepts(number, staffShot);
      await reviewerApproves(number, staffShot);
      await chiefDecides(number, staffShot);

      await page.goto(`${server.url}/applications/${number}`);
      const timeline = page.getByRole('list', { name: '办理进度（最新在前）' });
      await timeline.getByText('许可结果（证照）已可下载').waitFor();
      const titles = await timeline.locator('.timeline-title').allTextContents();
      expect(titles.at(-1)).toBe('您已提交申请');
      expect(titles).toContain('窗口请您补正材料');
      expect(titles).toContain('您已提交补正材料');
      expect(titles).toContain('窗口已受理您的申请');
      await page.getByText('预计办结').waitFor();
      await page.getByText(`准予许可（${LICENCE_NUMBER}）`).waitFor();
      await check('2-decided');

      // The licence downloads as the file the chief attached.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: '下载许可结果：食品经营许可证.pdf' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('食品经营许可证.pdf');
      expect(
        readFileSync(await download.path())
          .subarray(0, 5)
          .toString('latin1'),
      ).toBe('%PDF-');

      // The 决定书 on A4.
      await page.getByRole('link', { name: '查看并打印准予行政许可决定书' }).click();
      await page.getByRole('heading', { level: 1, name: '准予行政许可决定书' }).waitFor();
      await check('3-decision');
      const decision = await printed(page, '.decision-sheet');
      expect(decision.text).toContain('准予行政许可决定书');
      expect(decision.text).toContain(LICENCE_NUMBER);
      expect(decision.text).toContain(number);
      expect(decision.text).toContain('本机关决定准予行政许可');
      expect(decision.text).toContain('（盖章）');
      expectA4(decision.mediaBox);
      expect(await page.getByRole('main').textContent()).not.toContain('刘晓燕');
      expect(problems).toEqual([]);
      await context.close();
    });
  }
});
