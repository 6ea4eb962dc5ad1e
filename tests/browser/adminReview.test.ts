import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FOOD, FOOD_FORM, FOOD_UPLOADS, DEMO_CITIZEN_ID, prepareFoodDraft, submitDraft } from '../support/foodApplication';
import { CHROMIUM, startPortalInBrowser, VIEWPORTS, watchPage, type PortalInBrowser } from '../support/portalInBrowser';
import { checkStaffPage, isNotAntdNotice, signInToAdmin } from '../support/staffInBrowser';
import type { TestServer } from '../support/startTestServer';
import type { TestClient } from '../support/TestClient';

const PHONE = VIEWPORTS[1];
/** antd's deprecation notices (the shell's Spin still passes `tip`) are not this page's errors. */
const HEALTH = '从业人员健康证明';

/**
 * Versions and review, end to end: a department admin starts a new version of 食品经营许可 that
 * promises 5 working days instead of 6 and asks large premises for a health certificate, has its
 * submit refused (the flow's budgets still add up to 6) with the reason linking to the field, fixes
 * it and submits; legal finds it in the queue, reads the change in words and its impact on recent
 * applications, publishes; the portal's guide promises 5 working days at once, with no restart.
 */
describe.skipIf(!CHROMIUM)('versions and review in chromium', () => {
  let apps: PortalInBrowser;
  let server: TestServer;
  let browser: Browser;
  let admin: TestClient;
  let applicationNumber: string;

  beforeAll(async () => {
    apps = await startPortalInBrowser({ shouldSeedCatalog: true, withAdmin: true });
    ({ server, browser } = apps);
    // A recent application for large premises: under the new version it would need the certificate.
    const citizen = await server.login(DEMO_CITIZEN_ID);
    const draft = await prepareFoodDraft(citizen);
    const materials = Object.fromEntries(FOOD_UPLOADS.map((materialId, n) => [materialId, [draft.fileIds[n]]]));
    const formData = { ...FOOD_FORM, premisesArea: 150 };
    const saved = await citizen.put(`/api/drafts/${draft.id}`, { revision: draft.revision, answers: {}, formData, materials });
    expect(saved.status, saved.text).toBe(200);
    const submitted = await submitDraft(citizen, draft.id, 'admin-review-large');
    expect(submitted.status, submitted.text).toBe(201);
    applicationNumber = submitted.body.number;

    admin = await server.login('scjg_admin');
    const current = await admin.get(`/api/matters/${FOOD}`);
    const created = await admin.post(`/api/matters/${FOOD}/transitions`, { action: 'newVersion' });
    expect(created.status, created.text).toBe(200);
    const document = structuredClone(current.body.document);
    document.timeLimits.promised.value = 5;
    document.materials.push({
      id: 'healthCert',
      name: HEALTH,
      type: '复印件',
      format: '电子',
      copies: 1,
      necessity: '必要',
      source: '申请人自备',
      condition: { properties: { premisesArea: { minimum: 100 } }, required: ['premisesArea'] },
    });
    const put = await admin.put(`/api/matters/${FOOD}/draft`, { revision: created.body.revision, document });
    expect(put.status, put.text).toBe(200);
  }, 300_000);
  afterAll(async () => apps?.close());

  /** Shortens the review step so the flow fits the new promise, as the clerk would in the editor. */
  async function fitFlowToPromise() {
    const { items } = (await admin.get(`/api/matters/${FOOD}/versions`)).body as { items: { version: number }[] };
    const newest = Math.max(...items.map((item) => item.version));
    const draft = (await admin.get(`/api/matters/${FOOD}/versions/${newest}`)).body;
    draft.document.flow.nodes.find((node: { id: string }) => node.id === 'review').budgetDays = 3;
    const put = await admin.put(`/api/matters/${FOOD}/draft`, { revision: draft.revision, document: draft.document });
    expect(put.status, put.text).toBe(200);
  }

  const versionRow = (page: Page, version: number) =>
    page.getByRole('row').filter({ has: page.getByRole('cell', { name: `第 ${version} 版`, exact: true }) });

  it('lets a department admin submit, refused first with reasons that link to the fields', { timeout: 180_000 }, async () => {
    const { context, page } = await signInToAdmin(browser, server.url, 'scjg_admin');
    const { problems } = watchPage(page);
    await page.goto(`${server.url}/admin/matters/${FOOD}`);
    await page.getByRole('heading', { level: 1, name: '食品经营许可' }).waitFor();
    await versionRow(page, 2).getByText('草稿', { exact: true }).waitFor();
    // The diff defaults to the draft against the version in force, in words.
    await page.getByText('承诺时限 由 6 个工作日 改为 5 个工作日').waitFor();
    await page.getByText(`申请材料 新增：《${HEALTH}》`).waitFor();
    await page.getByRole('switch', { name: '显示字段明细' }).click();
    await page.getByRole('cell', { name: '/timeLimits/promised/value' }).waitFor();
    // The impact: the one recent application for large premises.
    const impact = page.locator('.ant-card').filter({ hasText: '对近期申请的影响' });
    await impact.getByText(/近 90 天共 1 件申请，其中 1 件/).waitFor();
    await impact.getByRole('cell', { name: applicationNumber }).waitFor();
    await impact.getByRole('cell', { name: HEALTH }).waitFor();

    await versionRow(page, 2).getByRole('button', { name: '提交审核' }).click();
    const reasons = page.getByRole('list', { name: '未通过的原因' });
    await reasons.waitFor();
    expect(await reasons.getByRole('listitem').count()).toBeGreaterThan(0);
    const fix = reasons.getByRole('link', { name: '去修改' }).first();
    expect(await fix.getAttribute('href')).toMatch(new RegExp(`^/admin/matters/${FOOD}/versions/2/edit\\?pointer=%2F`));
    expect(await reasons.textContent()).toMatch(/时限/);
    await checkStaffPage(page, 'desktop-matter-refused');

    await fitFlowToPromise();
    await page.reload();
    await versionRow(page, 2).getByRole('button', { name: '提交审核' }).click();
    await page.getByText('已提交审核').waitFor();
    await versionRow(page, 2).getByText('审核中', { exact: true }).waitFor();
    // The pointer rests where 提交审核 was, over 撤回: a hover tint is not what the page looks like.
    await page.mouse.move(0, 0);
    await checkStaffPage(page, 'desktop-matter-in-review');
    expect(problems.filter(isNotAntdNotice)).toEqual([]);
    await context.close();

    const phone = await signInToAdmin(browser, server.url, 'scjg_admin', PHONE);
    await phone.page.goto(`${server.url}/admin/matters/${FOOD}`);
    await phone.page.getByText('承诺时限 由 6 个工作日 改为 5 个工作日').waitFor();
    await checkStaffPage(phone.page, 'phone-matter');
    await phone.context.close();
  });

  it(
    'gives legal the queue, the diff in words and the impact, and publishes to the portal at once',
    { timeout: 180_000 },
    async () => {
      const phone = await signInToAdmin(browser, server.url, 'legal', PHONE);
      await phone.page.goto(`${server.url}/admin/review`);
      await phone.page.getByRole('link', { name: '食品经营许可' }).waitFor();
      await checkStaffPage(phone.page, 'phone-review-queue');
      await phone.page.getByRole('link', { name: '食品经营许可' }).click();
      await phone.page.getByText('承诺时限 由 6 个工作日 改为 5 个工作日').waitFor();
      await phone.page.getByText(/近 90 天共 1 件申请，其中 1 件/).waitFor();
      await checkStaffPage(phone.page, 'phone-review');
      await phone.context.close();

      const { context, page } = await signInToAdmin(browser, server.url, 'legal');
      const { problems } = watchPage(page);
      await page.goto(`${server.url}/admin/review`);
      const row = page.getByRole('row').filter({ hasText: '食品经营许可' });
      await row.getByText('云溪县市场监督管理局').waitFor();
      await row.getByText(/\d{4}年\d+月\d+日/).waitFor();
      await checkStaffPage(page, 'desktop-review-queue');
      await row.getByRole('link', { name: '食品经营许可' }).click();
      await page.getByRole('heading', { level: 1, name: '审核：食品经营许可' }).waitFor();
      await page.getByText('与现行第 1 版相比').waitFor();
      await page.getByText('承诺时限 由 6 个工作日 改为 5 个工作日').waitFor();
      await page.getByText(/近 90 天共 1 件申请，其中 1 件/).waitFor();
      await page.locator('.ant-card').filter({ hasText: '质量检查' }).locator('.ant-card-body').waitFor();
      await checkStaffPage(page, 'desktop-review');
      // Sending back needs comments: nothing is sent without them.
      await page.getByRole('button', { name: '退回修改' }).click();
      await page.getByText('退回修改须写明审核意见').waitFor();

      // The guide before: the promise in force is 6 working days.
      const portal = await context.newPage();
      const promised = portal
        .locator('.fact')
        .filter({ has: portal.getByText('承诺办结时限', { exact: true }) })
        .locator('dd');
      await portal.goto(`${server.url}/matters/${FOOD}`);
      await expect.poll(() => promised.textContent()).toMatch(/6\s*个工作日/);

      await page.getByLabel('审核意见').fill('承诺时限压缩为 5 个工作日，同意发布。');
      await page.getByRole('button', { name: /^发\s*布$/ }).click();
      await page.getByText('第 2 版已发布').waitFor();
      const guideLink = page.getByRole('link', { name: '在政务服务网查看办事指南' });
      expect(await guideLink.getAttribute('href')).toBe(`/matters/${FOOD}`);
      await checkStaffPage(page, 'desktop-published');

      await portal.reload();
      await expect.poll(() => promised.textContent()).toMatch(/5\s*个工作日/);
      const versions = (await admin.get(`/api/matters/${FOOD}/versions`)).body.items as { version: number; status: string }[];
      expect(versions.find((v) => v.version === 2)?.status).toBe('published');
      expect(problems.filter(isNotAntdNotice)).toEqual([]);
      await context.close();
    },
  );
});
