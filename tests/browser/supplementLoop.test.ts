import AxeBuilder from '@axe-core/playwright';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CITIZEN_ID, FOOD_FORM, FOOD_SUPPLEMENT_ITEMS, prepareFoodDraftInBrowser } from '../support/foodApplication';
import {
  CHROMIUM,
  SCREENSHOTS,
  VIEWPORTS,
  startPortalInBrowser,
  watchPage,
  type PortalInBrowser,
} from '../support/portalInBrowser';
import { samplePdf } from '../support/sampleFiles';
import { DEMO_PASSWORD } from '../support/startTestServer';
import type { TestClient } from '../support/TestClient';

/**
 * The 补正 loop as the citizen lives it, in chromium on a desktop and a phone: they submit in the
 * portal; the window (over the API: the workbench is another part's) sends one notice listing a
 * material and a field; the status page shows both with their reasons; the 补正 page asks for
 * exactly those two; the answer goes in; the window accepts; the timeline tells each step in words.
 * Every new page passes axe and is saved as a screenshot.
 */
const PROOF = '与食品经营相适应的经营场所使用证明';

describe.skipIf(!CHROMIUM)('补正 in chromium', () => {
  let portal: PortalInBrowser;
  let window: TestClient;

  beforeAll(async () => {
    portal = await startPortalInBrowser({ shouldSeedCatalog: true });
    window = await portal.server.login('scjg_window');
  }, 180_000);
  afterAll(async () => portal?.close());

  const windowActs = async (number: string, body: Record<string, unknown>) => {
    const { revision } = (await window.get(`/api/cases/${number}`)).body as { revision: number };
    const acted = await window.post(`/api/cases/${number}/actions`, { ...body, revision, idempotencyKey: crypto.randomUUID() });
    expect(acted.status, acted.text).toBe(200);
  };

  for (const { name, viewport, isMobile } of VIEWPORTS) {
    it(`supplies exactly what the notice asks and follows the case to 受理 (${name})`, { timeout: 240_000 }, async () => {
      const { server, browser } = portal;
      const context = await browser.newContext({ viewport, isMobile, hasTouch: isMobile, locale: 'zh-CN' });
      const page: Page = await context.newPage();
      const { problems, refusals } = watchPage(page);
      const check = async (shot: string) => {
        const { violations } = await new AxeBuilder({ page }).analyze();
        const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
        await page.screenshot({ path: join(SCREENSHOTS, `${name}-supplement-${shot}.png`), fullPage: true });
      };

      await page.goto(`${server.url}/login?next=%2Fapplications`);
      await page.getByLabel('身份证号或用户名').fill(DEMO_CITIZEN_ID);
      await page.getByLabel('密码').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByRole('heading', { level: 1, name: '我的办件' }).waitFor();

      // Submitted in the portal, from the draft page.
      const draftId = await prepareFoodDraftInBrowser(context.request, server.url);
      await page.goto(`${server.url}/drafts/${draftId}`);
      await page.getByRole('button', { name: '提交申请' }).click();
      await page.getByRole('heading', { level: 1, name: '材料接收凭证' }).waitFor();
      const number = /\/applications\/([0-9A-Z]+)\/receipt/.exec(page.url())?.[1] ?? '';
      expect(number).toMatch(/^[0-9A-Z]{31}\d{12}$/);

      // The window's one notice, listing a material and a field.
      await windowActs(number, { action: 'supplement', items: FOOD_SUPPLEMENT_ITEMS });
      await page.goto(`${server.url}/applications/${number}`);
      const standing = page.getByRole('status').filter({ hasText: '窗口请您补正 2 项内容' });
      await standing.waitFor();
      await standing.getByText(FOOD_SUPPLEMENT_ITEMS[0]?.reason ?? '').waitFor();
      await standing.getByText(FOOD_SUPPLEMENT_ITEMS[1]?.reason ?? '').waitFor();
      const timeline = page.getByRole('list', { name: '办理进度（最新在前）' });
      await timeline.getByText('窗口请您补正材料').waitFor();
      await timeline.getByText(`经营场所：${FOOD_SUPPLEMENT_ITEMS[1]?.reason}`).waitFor();
      await check('1-asked');

      await page.getByRole('link', { name: '去补正' }).click();
      await page.getByRole('heading', { level: 1, name: /补正材料/ }).waitFor();
      const items = page.locator('.supplement-item');
      expect(await items.count()).toBe(2);
      const proof = items.filter({ has: page.getByRole('heading', { level: 3, name: PROOF }) });
      await proof.getByText(FOOD_SUPPLEMENT_ITEMS[0]?.reason ?? '').waitFor();
      const address = page.getByLabel('经营场所', { exact: true });
      expect(await address.inputValue()).toBe(FOOD_FORM.premisesAddress);
      await check('2-page');
      // Nothing else of the form is offered.
      expect(await page.getByLabel('经营者名称').count()).toBe(0);

      // Sending before the file is there: the page says what is missing, beside the material.
      await page.getByRole('button', { name: '提交补正' }).click();
      await proof.getByRole('alert').getByText(`补正通知要求提交“${PROOF}”`).waitFor();
      await check('3-missing');

      await proof.locator('input[type=file]').setInputFiles({
        name: '经营场所租赁合同（续签）.pdf',
        mimeType: 'application/pdf',
        buffer: samplePdf(`renewed ${name}`),
      });
      await proof.getByText('经营场所租赁合同（续签）.pdf', { exact: true }).waitFor();
      await address.fill('云溪县城关镇解放路 14 号');
      await page.getByRole('button', { name: '提交补正' }).click();
      await page.waitForURL(/\/applications\/[0-9A-Z]+\?supplemented=1$/);
      await page.getByText('补正材料已提交，窗口将在 5 个工作日内决定是否受理。').waitFor();
      await timeline.getByText('您已提交补正材料').waitFor();
      await check('4-answered');

      // The window accepts; the citizen sees each step, newest first, and the expected date.
      await windowActs(number, { action: 'accept' });
      await page.reload();
      await timeline.getByText('窗口已受理您的申请').waitFor();
      await page.getByText('预计办结').waitFor();
      const titles = await timeline.locator('.timeline-title').allTextContents();
      expect(titles).toEqual(['窗口已受理您的申请', '您已提交补正材料', '窗口请您补正材料', '您已提交申请']);
      expect(await page.getByRole('main').textContent()).not.toContain('刘晓燕');
      await check('5-accepted');

      // The notice is answered: the 补正 page says so rather than asking again.
      await page.goto(`${server.url}/applications/${number}/supplement`);
      await page.getByText('这件申请目前没有需要补正的内容。').waitFor();

      const application = (await window.get(`/api/applications/${number}`)).body as { formData: { premisesAddress: string } };
      expect(application.formData.premisesAddress).toBe('云溪县城关镇解放路 14 号');
      // The one refusal the page met was the answer sent without the file.
      expect(refusals).toEqual([`422 /api/cases/${number}/supplement`]);
      expect(problems).toEqual([]);
      await context.close();
    });
  }
});
