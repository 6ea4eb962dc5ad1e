import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRequestContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CITIZEN_ID, FOOD, FOOD_FORM, FOOD_UPLOADS } from '../support/foodApplication';
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
 * Issue 9's whole loop as the citizen lives it, in chromium on a desktop and a phone: they submit
 * in the portal; the window sends one 补正 listing two items; they supply both; the window accepts,
 * the reviewer approves, the chief decides 准予 with a 文号 and attaches the licence (staff over the
 * API here); the citizen follows each step in the timeline with the expected date, opens the
 * 准予行政许可决定书 (printed to A4 and read back) and downloads the licence.
 */
const ITEMS = [
  { kind: 'material', materialId: 'premisesProof', reason: '经营场所使用证明已过期，请上传有效期内的证明' },
  { kind: 'field', pointer: '/premisesAddress', reason: '经营场所地址与证明上的不一致' },
];
const LICENCE_NUMBER = 'JY14399010077777';

async function prepareDraft(request: APIRequestContext, url: string): Promise<string> {
  const { csrfToken } = (await (await request.get(`${url}/api/session`)).json()) as { csrfToken: string };
  const headers = { 'X-CSRF-Token': csrfToken };
  const created = await request.post(`${url}/api/drafts`, { headers, data: { matterCode: FOOD } });
  expect(created.status(), await created.text()).toBe(201);
  const draft = (await created.json()) as { id: string; revision: number };
  const materials: Record<string, string[]> = {};
  for (const materialId of FOOD_UPLOADS) {
    const uploaded = await request.post(`${url}/api/files`, {
      headers,
      multipart: {
        draftId: draft.id,
        materialId,
        file: { name: `${materialId}.pdf`, mimeType: 'application/pdf', buffer: samplePdf(materialId) },
      },
    });
    expect(uploaded.status(), await uploaded.text()).toBe(201);
    materials[materialId] = [((await uploaded.json()) as { id: string }).id];
  }
  const saved = await request.put(`${url}/api/drafts/${draft.id}`, {
    headers,
    data: { revision: draft.revision, answers: {}, formData: FOOD_FORM, materials },
  });
  expect(saved.status(), await saved.text()).toBe(200);
  return draft.id;
}

/** The page as chromium prints it: its text under the print stylesheet, and the PDF's paper size. */
async function printed(page: Page, selector: string): Promise<{ text: string; mediaBox: number[] }> {
  await page.emulateMedia({ media: 'print' });
  const text = await page.locator(selector).innerText();
  const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
  await page.emulateMedia({ media: 'screen' });
  const box = /\/MediaBox\s*\[\s*([\d.\s]+)\]/.exec(pdf)?.[1]?.trim().split(/\s+/).map(Number) ?? [];
  return { text, mediaBox: box };
}

const expectA4 = (box: number[]) => {
  expect(Math.round(box[2] ?? 0)).toBeGreaterThanOrEqual(594);
  expect(Math.round(box[2] ?? 0)).toBeLessThanOrEqual(596);
  expect(Math.round(box[3] ?? 0)).toBeGreaterThanOrEqual(841);
  expect(Math.round(box[3] ?? 0)).toBeLessThanOrEqual(843);
};

describe.skipIf(!CHROMIUM)('the case loop in chromium', () => {
  let portal: PortalInBrowser;
  let window: TestClient;
  let reviewer: TestClient;
  let chief: TestClient;

  beforeAll(async () => {
    portal = await startPortalInBrowser({ shouldSeedCatalog: true });
    window = await portal.server.login('scjg_window');
    reviewer = await portal.server.login('scjg_reviewer');
    chief = await portal.server.login('scjg_chief');
  }, 180_000);
  afterAll(async () => portal?.close());

  const revisionOf = async (number: string) => ((await window.get(`/api/cases/${number}`)).body as { revision: number }).revision;
  const windowActs = async (number: string, body: Record<string, unknown>) => {
    const acted = await window.post(`/api/cases/${number}/actions`, {
      ...body,
      revision: await revisionOf(number),
      idempotencyKey: crypto.randomUUID(),
    });
    expect(acted.status, acted.text).toBe(200);
  };
  const taskActs = async (client: TestClient, number: string, taskId: string, body: Record<string, unknown>) => {
    const acted = await client.post(`/api/cases/${number}/tasks/${taskId}/actions`, {
      ...body,
      revision: await revisionOf(number),
      idempotencyKey: crypto.randomUUID(),
    });
    expect(acted.status, acted.text).toBe(200);
  };
  const attachLicence = async (number: string) => {
    const form = new FormData();
    form.set('caseNumber', number);
    form.set('file', new Blob([samplePdf('食品经营许可证')]), '食品经营许可证.pdf');
    const request = new Request('http://localhost/', { method: 'POST', body: form });
    const uploaded = await chief.request('POST', '/api/files', new Uint8Array(await request.arrayBuffer()), {
      contentType: request.headers.get('content-type') ?? '',
    });
    expect(uploaded.status, uploaded.text).toBe(201);
    const attached = await chief.post(`/api/cases/${number}/result`, {
      fileId: uploaded.body.id,
      revision: await revisionOf(number),
      idempotencyKey: crypto.randomUUID(),
    });
    expect(attached.status, attached.text).toBe(200);
  };

  for (const { name, viewport, isMobile } of VIEWPORTS) {
    it(`follows a case from submit to the decision and its licence (${name})`, { timeout: 300_000 }, async () => {
      const { server, browser } = portal;
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

      const draftId = await prepareDraft(context.request, server.url);
      await page.goto(`${server.url}/drafts/${draftId}`);
      await page.getByRole('button', { name: '提交申请' }).click();
      await page.getByRole('heading', { level: 1, name: '材料接收凭证' }).waitFor();
      const number = /\/applications\/([0-9A-Z]+)\/receipt/.exec(page.url())?.[1] ?? '';
      const receipt = await printed(page, '.receipt-sheet');
      expect(receipt.text).toContain('材料接收凭证');
      expect(receipt.text).toContain(number);
      expectA4(receipt.mediaBox);
      await check('1-receipt');

      // 补正 of two items, answered in the portal.
      await windowActs(number, { action: 'supplement', items: ITEMS });
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

      // 受理, 审查通过, 准予 with its 文号, and the licence attached.
      await windowActs(number, { action: 'accept' });
      await taskActs(reviewer, number, 't2', { action: 'approve' });
      await taskActs(chief, number, 't3', { action: 'decide', resultNumber: LICENCE_NUMBER });
      await attachLicence(number);

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
