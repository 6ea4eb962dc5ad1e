import { shanghaiDate } from '@matterflow/schemas';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, startPortalInBrowser, VIEWPORTS, watchPage, type PortalInBrowser } from '../support/portalInBrowser';
import {
  antdButton as button,
  antdDialog as dialog,
  checkStaffPage,
  isNotAntdNotice,
  signInToAdmin,
} from '../support/staffInBrowser';
import type { TestServer } from '../support/startTestServer';
import type { TestClient } from '../support/TestClient';

const PHONE = VIEWPORTS[1];

/** 食品生产许可: published with a future date, moved, then unscheduled. */
const PRODUCTION = '11439901006010015W0001310230001';
/** 企业（公司）设立登记: withdrawn from review by its department. */
const COMPANY = '11439901006010015W0001311300001';
/** 仅销售预包装食品备案: retired from a later day. */
const PREPACKED = '11439901006010015W0010310240011';
/** 个体工商户设立登记: its new version cites the repealed 个体工商户条例. */
const SOLE_TRADER = '11439901006010015W0001311280001';
/** 公共场所卫生许可: a county rule it cites is repealed while it waits in review. */
const PUBLIC_PLACES = '11439901006010023P0001140050001';

const OLD_CONDITION = '生产食盐的，已取得食盐定点生产企业证书';
const NEW_CONDITION = '第二版受理条件：已取得营业执照并完成食品安全培训。';
const COUNTY_RULE = { name: '云溪县公共场所卫生管理暂行规定', level: 'normativeDoc' };

/** A civil day `days` after today in Shanghai, as the pickers and the platform write it. */
function dayAfter(days: number): string {
  const [year = 0, month = 1, day = 1] = shanghaiDate(new Date()).split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/**
 * Types a day into an antd DatePicker and commits it, as a clerk with a keyboard would; then, when
 * the page is to be looked at, goes on to the field labelled `next`, which closes the calendar.
 */
async function pickDate(page: Page, label: string, date: string, next?: string) {
  const input = page.getByLabel(label);
  await input.click();
  await input.fill(date);
  await input.press('Enter');
  await expect.poll(() => input.inputValue()).toBe(date);
  // The page at rest, as axe should see it: the calendar panel closed (antd's panel fails axe).
  if (next === undefined) return;
  await page.getByLabel(next).click();
  // The panel fades out; on a loaded machine that takes longer than expect.poll's default second.
  await expect.poll(() => page.locator('.ant-picker-dropdown:visible').count(), { timeout: 15_000 }).toBe(0);
}

/**
 * The version moves of the matter page and the review page, end to end in the browser: a
 * publication scheduled for a later day, moved and unscheduled while the portal keeps serving the
 * version in force; a department withdrawing from review; legal retiring a matter from a later
 * day; legal going ahead over an error finding with a reason, at submit and at publish, each
 * refusal listing its reasons with links to the field; the quality report narrowed by rule.
 */
describe.skipIf(!CHROMIUM)('version moves in chromium', { shuffle: false }, () => {
  let apps: PortalInBrowser;
  let server: TestServer;
  let browser: Browser;
  let admin: TestClient;
  let legal: TestClient;

  const transition = (client: TestClient, code: string, body: Record<string, unknown>) =>
    client.post(`/api/matters/${code}/transitions`, body);

  /** Starts version 2 from the one in force, changed by `change`, as the clerk would in the editor. */
  async function newVersion(client: TestClient, code: string, change: (document: any) => void) {
    const current = await client.get(`/api/matters/${code}`);
    const created = await transition(client, code, { action: 'newVersion' });
    expect(created.status, created.text).toBe(200);
    const document = structuredClone(current.body.document);
    change(document);
    const put = await client.put(`/api/matters/${code}/draft`, { revision: created.body.revision, document });
    expect(put.status, put.text).toBe(200);
    return put.body.revision as number;
  }

  beforeAll(async () => {
    apps = await startPortalInBrowser({ shouldSeedCatalog: true, withAdmin: true });
    ({ server, browser } = apps);
    admin = await server.login('scjg_admin');
    legal = await server.login('legal');

    await newVersion(admin, PRODUCTION, (document) => {
      document.acceptCondition = NEW_CONDITION;
    });
    expect((await transition(admin, PRODUCTION, { action: 'submit' })).status).toBe(200);

    await newVersion(admin, COMPANY, (document) => {
      document.acceptCondition = `${document.acceptCondition}（第 2 版）`;
    });
    expect((await transition(admin, COMPANY, { action: 'submit' })).status).toBe(200);

    await newVersion(admin, SOLE_TRADER, (document) => {
      document.legalBasis.push({
        lawName: '个体工商户条例',
        lawId: 'getigongshanghu-tiaoli',
        level: 'adminRegulation',
        role: 'implement',
        articles: ['第八条'],
      });
    });

    expect((await legal.put('/api/laws/yunxi-gonggong-changsuo', COUNTY_RULE)).status).toBe(200);
    await newVersion(legal, PUBLIC_PLACES, (document) => {
      document.legalBasis.push({ lawName: COUNTY_RULE.name, role: 'implement', articles: ['第三条'] });
    });
    const submitted = await transition(legal, PUBLIC_PLACES, { action: 'submit' });
    expect(submitted.status, submitted.text).toBe(200);
    // The county repeals its rule while the version waits in review.
    const repeal = await legal.put('/api/laws/yunxi-gonggong-changsuo', { ...COUNTY_RULE, repealedOn: dayAfter(0) });
    expect(repeal.status, repeal.text).toBe(200);
  }, 300_000);
  afterAll(async () => apps?.close());

  const versionRow = (page: Page, version: number) =>
    page.getByRole('row').filter({ has: page.getByRole('cell', { name: `第 ${version} 版`, exact: true }) });
  const versionsOf = async (code: string) =>
    (await legal.get(`/api/matters/${code}/versions`)).body.items as {
      version: number;
      status: string;
      effectiveFrom: string | null;
      cancelAt: string | null;
    }[];

  it(
    'schedules a publication, moves its day and unschedules it while the portal serves the version in force',
    { timeout: 240_000 },
    async () => {
      const first = dayAfter(20);
      const second = dayAfter(41);
      const { context, page } = await signInToAdmin(browser, server.url, 'legal');
      const { problems } = watchPage(page);
      const portal = await context.newPage();
      const guideShowsVersionInForce = async () => {
        await portal.goto(`${server.url}/matters/${PRODUCTION}`);
        await portal.getByText(OLD_CONDITION, { exact: false }).first().waitFor();
        expect(await portal.locator('body').textContent()).not.toContain(NEW_CONDITION);
      };
      await guideShowsVersionInForce();

      await page.goto(`${server.url}/admin/review/${PRODUCTION}/2`);
      await page.getByRole('heading', { level: 1, name: '审核：食品生产许可' }).waitFor();
      // Published at once below: the page is not looked at with the calendar open.
      await pickDate(page, '生效日期', first);
      await page.getByRole('button', { name: button('发布') }).click();
      await page.getByText(`将于 ${first} 生效，此前仍按现行版本办理。`).waitFor();
      await checkStaffPage(page, 'desktop-versions-published-later');
      await guideShowsVersionInForce();

      await page.goto(`${server.url}/admin/matters/${PRODUCTION}`);
      await versionRow(page, 2).getByText('待生效', { exact: true }).waitFor();
      await versionRow(page, 2).getByText(`生效 ${first}`).waitFor();
      // The version in force stays in force until that day; no new version while one is scheduled.
      await page.getByText('第 1 版（', { exact: false }).waitFor();
      expect(await page.getByRole('button', { name: '新建版本' }).count()).toBe(0);
      await checkStaffPage(page, 'desktop-versions-scheduled');

      await versionRow(page, 2)
        .getByRole('button', { name: button('改期') })
        .click();
      const move = dialog(page, '改定生效日期（第 2 版）');
      await move.waitFor();
      await pickDate(page, '新的生效日期', second, '说明');
      await move.getByLabel('说明').fill('配套文件推迟印发，生效日期顺延。');
      await checkStaffPage(page, 'desktop-versions-reschedule');
      await move.getByRole('button', { name: button('改期') }).click();
      await page.getByText('已改定生效日期').waitFor();
      await versionRow(page, 2).getByText(`生效 ${second}`).waitFor();
      expect((await versionsOf(PRODUCTION)).find((v) => v.version === 2)?.effectiveFrom).toBe(second);
      await guideShowsVersionInForce();

      const phone = await signInToAdmin(browser, server.url, 'legal', PHONE);
      await phone.page.goto(`${server.url}/admin/matters/${PRODUCTION}`);
      await versionRow(phone.page, 2).getByText('待生效', { exact: true }).waitFor();
      await checkStaffPage(phone.page, 'phone-versions-scheduled');
      await phone.context.close();

      await versionRow(page, 2).getByRole('button', { name: '撤销发布计划' }).click();
      const unschedule = dialog(page, '撤销发布计划（第 2 版）');
      await unschedule.getByLabel('说明').fill('上级文件尚未公布，暂缓发布。');
      await unschedule.getByRole('button', { name: '撤销发布计划' }).click();
      await page.getByText('已撤销发布计划，版本回到审核中').waitFor();
      await versionRow(page, 2).getByText('审核中', { exact: true }).waitFor();
      expect(await versionRow(page, 2).getByText('待生效').count()).toBe(0);
      await versionRow(page, 2).getByText('上级文件尚未公布，暂缓发布。').waitFor();
      await checkStaffPage(page, 'desktop-versions-unscheduled');
      const after = (await versionsOf(PRODUCTION)).sort((a, b) => a.version - b.version);
      expect(after.map((v) => [v.version, v.status, v.effectiveFrom])).toEqual([
        [1, 'published', expect.any(String)],
        [2, 'in_review', null],
      ]);
      await guideShowsVersionInForce();
      expect(problems.filter(isNotAntdNotice)).toEqual([]);
      await context.close();
    },
  );

  it('lets a department admin withdraw a version from review', { timeout: 120_000 }, async () => {
    const { context, page } = await signInToAdmin(browser, server.url, 'scjg_admin');
    const { problems } = watchPage(page);
    await page.goto(`${server.url}/admin/matters/${COMPANY}`);
    await versionRow(page, 2).getByText('审核中', { exact: true }).waitFor();
    await versionRow(page, 2)
      .getByRole('button', { name: button('撤回') })
      .click();
    const confirm = page.locator('.ant-popconfirm');
    await confirm.getByText('撤回审核，回到草稿？').waitFor();
    await checkStaffPage(page, 'desktop-versions-withdraw');
    await confirm.getByRole('button', { name: button('撤回') }).click();
    await page.getByText('已撤回为草稿').waitFor();
    await versionRow(page, 2).getByText('草稿', { exact: true }).waitFor();
    await versionRow(page, 2).getByRole('button', { name: '提交审核' }).waitFor();
    expect((await versionsOf(COMPANY)).find((v) => v.version === 2)?.status).toBe('draft');
    expect(problems.filter(isNotAntdNotice)).toEqual([]);
    await context.close();
  });

  it('lets legal retire a matter from a later day, the portal serving it until then', { timeout: 120_000 }, async () => {
    const cancelDate = dayAfter(30);
    const { context, page } = await signInToAdmin(browser, server.url, 'legal');
    const { problems } = watchPage(page);
    await page.goto(`${server.url}/admin/matters/${PREPACKED}`);
    await page.getByRole('button', { name: '取消事项' }).click();
    const retire = dialog(page, '取消事项（第 1 版）');
    await pickDate(page, '取消日期', cancelDate, '说明');
    await retire.getByLabel('说明').fill('并入食品经营许可办理。');
    await checkStaffPage(page, 'desktop-versions-retire');
    await retire.getByRole('button', { name: '取消事项' }).click();
    await page.getByText('已取消事项').waitFor();
    await versionRow(page, 1).getByText(`取消 ${cancelDate}`).waitFor();
    await versionRow(page, 1).getByText('待取消', { exact: true }).waitFor();
    await page
      .getByText(`第 1 版（`, { exact: false })
      .filter({ hasText: `${cancelDate} 取消` })
      .waitFor();
    // Retired from a later day: offered once, not again.
    expect(await page.getByRole('button', { name: '取消事项' }).count()).toBe(0);
    await checkStaffPage(page, 'desktop-versions-retired-later');
    expect((await versionsOf(PREPACKED))[0]).toMatchObject({ status: 'published', cancelAt: cancelDate });
    const guide = await server.anonymous().get(`/api/matters/${PREPACKED}`);
    expect(guide.status).toBe(200);
    expect(problems.filter(isNotAntdNotice)).toEqual([]);
    await context.close();
  });

  it(
    'refuses a submit over an error finding with its reasons linked to the field; legal records a reason and goes ahead',
    { timeout: 180_000 },
    async () => {
      const reason = '个体工商户条例已废止，新条例第十条沿用同一要求，下一版改引。';
      const { context, page } = await signInToAdmin(browser, server.url, 'legal');
      const { problems } = watchPage(page);
      await page.goto(`${server.url}/admin/matters/${SOLE_TRADER}`);
      await versionRow(page, 2).getByRole('button', { name: '提交审核' }).click();
      const reasons = page.getByRole('list', { name: '未通过的原因' });
      await reasons.waitFor();
      await reasons.getByText(/个体工商户条例.*废止/).waitFor();
      const fix = reasons.getByRole('link', { name: '去修改' });
      expect(await fix.count()).toBe(1);
      expect(await fix.getAttribute('href')).toBe(`/admin/matters/${SOLE_TRADER}/versions/2/edit?pointer=%2FlegalBasis%2F4`);
      const submit = page.getByRole('button', { name: '记录理由并提交' });
      expect(await submit.isDisabled()).toBe(true);
      await page.getByLabel(/^接受风险的理由：/).fill(reason);
      await checkStaffPage(page, 'desktop-versions-quality-refused');
      await submit.click();
      await page.getByText('已提交审核').waitFor();
      await versionRow(page, 2).getByText('审核中', { exact: true }).waitFor();

      // The reason counts for the publish of the same version; the review shows it beside the finding.
      await versionRow(page, 2).getByRole('link', { name: '审核' }).click();
      const findings = page.locator('.ant-card').filter({ hasText: '质量检查' });
      await findings.getByText(`已接受风险（李明华）：${reason}`).waitFor();
      await page.getByRole('button', { name: button('发布') }).click();
      await page.getByText('第 2 版已发布').waitFor();

      const audit = await legal.get(`/api/audit?targetType=matter&targetId=${SOLE_TRADER}`);
      expect(audit.body.items).toContainEqual(
        expect.objectContaining({
          action: 'matter.submit',
          details: expect.objectContaining({
            acceptedRisks: [{ rule: 'basis.repealed', pointer: '/legalBasis/4', reason }],
          }),
        }),
      );
      expect(problems.filter(isNotAntdNotice)).toEqual([]);
      await context.close();
    },
  );

  it('asks legal for a reason per open error before publishing, and records it', { timeout: 180_000 }, async () => {
    const reason = '新规定尚未印发，原规定第三条的要求在过渡期内继续执行。';
    const { context, page } = await signInToAdmin(browser, server.url, 'legal');
    const { problems } = watchPage(page);
    await page.goto(`${server.url}/admin/review/${PUBLIC_PLACES}/2`);
    const findings = page.locator('.ant-card').filter({ hasText: '质量检查' });
    await findings.getByText(`依据《${COUNTY_RULE.name}》已于`, { exact: false }).waitFor();
    const field = findings.getByRole('link', { name: '查看字段' }).first();
    expect(await field.getAttribute('href')).toMatch(
      new RegExp(`^/admin/matters/${PUBLIC_PLACES}/versions/2/edit\\?pointer=%2FlegalBasis%2F`),
    );
    await page.getByText('还有 1 条错误未填写接受理由，不能发布').waitFor();
    const publish = page.getByRole('button', { name: button('发布') });
    expect(await publish.isDisabled()).toBe(true);
    await page.getByLabel(/^接受风险的理由：/).fill(reason);
    await page.getByLabel('审核意见').fill('同意发布，下一版改引新规定。');
    await checkStaffPage(page, 'desktop-review-risk');
    await publish.click();
    await page.getByText('第 2 版已发布').waitFor();
    await checkStaffPage(page, 'desktop-review-risk-published');

    const audit = await legal.get(`/api/audit?targetType=matter&targetId=${PUBLIC_PLACES}`);
    const entry = (
      audit.body.items as { action: string; details: { acceptedRisks?: { rule: string; reason: string }[] } }[]
    ).find((item) => item.action === 'matter.publish');
    expect(entry?.details.acceptedRisks).toEqual([expect.objectContaining({ rule: 'basis.repealed', reason })]);
    expect(problems.filter(isNotAntdNotice)).toEqual([]);
    await context.close();
  });

  it('narrows the quality report by rule, in the address, with the counts of what it shows', { timeout: 120_000 }, async () => {
    type Finding = { code: string; rule: string; accepted?: unknown };
    const repealed = ((await legal.get('/api/catalog/quality')).body.findings as Finding[]).filter(
      (finding) => finding.rule === 'basis.repealed',
    );
    const open = repealed.filter((finding) => !finding.accepted);
    expect(repealed.filter((finding) => finding.accepted).map((finding) => finding.code)).toEqual(
      expect.arrayContaining([SOLE_TRADER, PUBLIC_PLACES]),
    );
    const { context, page } = await signInToAdmin(browser, server.url, 'legal');
    const { problems } = watchPage(page);
    await page.goto(`${server.url}/admin/quality`);
    await page.getByRole('heading', { name: '按规则' }).waitFor();
    const statistic = (title: string) =>
      page.locator('.ant-statistic').filter({ hasText: title }).locator('.ant-statistic-content-value');
    const all = await legal.get('/api/catalog/quality');
    const openAll = (all.body.findings as Finding[]).filter((finding) => !finding.accepted).length;
    await expect.poll(async () => Number(await statistic('问题总数（未接受）').textContent())).toBe(openAll);

    const choice = `依据已废止（${repealed.length}）`;
    await page.getByRole('combobox', { name: '规则', exact: true }).click();
    await page.locator('.ant-select-item-option').filter({ hasText: choice }).click();
    await page.waitForURL((url) => url.searchParams.get('rule') === 'basis.repealed');
    await page.getByRole('heading', { name: '问题明细：依据已废止' }).waitFor();
    // The counts are of the findings shown: the two accepted above are not open.
    await expect.poll(async () => Number(await statistic('问题总数（未接受）').textContent())).toBe(open.length);
    expect(Number(await statistic('有错误的事项').textContent())).toBe(new Set(open.map((finding) => finding.code)).size);
    const details = page.getByRole('region', { name: '问题明细' });
    await details.getByText(`共 ${repealed.length} 处`).waitFor();
    for (const code of [SOLE_TRADER, PUBLIC_PLACES]) {
      const link = details.locator(`a[href^="/admin/matters/${code}/versions/2/edit?pointer=%2FlegalBasis%2F"]`);
      expect(await link.count()).toBe(1);
    }
    await checkStaffPage(page, 'desktop-quality-by-rule');

    // The address carries the filter: a reload, or a link sent to a colleague, shows the same.
    await page.reload();
    await page.getByRole('heading', { name: '问题明细：依据已废止' }).waitFor();
    await page.locator('.quality-rule-select').getByText(choice).waitFor();
    expect(problems.filter(isNotAntdNotice)).toEqual([]);
    await context.close();

    const phone = await signInToAdmin(browser, server.url, 'legal', PHONE);
    await phone.page.goto(`${server.url}/admin/quality?rule=basis.repealed`);
    await phone.page.getByRole('heading', { name: '问题明细：依据已废止' }).waitFor();
    await checkStaffPage(phone.page, 'phone-quality-by-rule');
    await phone.context.close();
  });
});
