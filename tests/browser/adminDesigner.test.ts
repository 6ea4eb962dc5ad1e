import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, startPortalInBrowser, VIEWPORTS, watchPage, type PortalInBrowser } from '../support/portalInBrowser';
import { checkStaffPage, signInToAdmin } from '../support/staffInBrowser';
import type { TestServer } from '../support/startTestServer';

/** 食品经营许可 of 云溪县市场监督管理局 in the seed catalog: its materials have no condition of their own. */
const CODE = '11439901006010015W0001310240001';
const MATERIAL = '与食品经营相适应的主要设备设施清单及布局、工艺流程图';
const FIELD_TITLE = '是否经营冷链食品';

interface Stored {
  document: {
    form: { schema: { properties: Record<string, unknown> }; uiSchema: { 'ui:order': string[] } };
    materials: { id: string; name: string; condition?: unknown }[];
  };
}

/** Types into the select first: antd lists only the options in view, and a form has more fields than that. */
const pickOption = async (page: Page, combobox: string | RegExp, option: string, search?: string) => {
  await page.getByRole('combobox', { name: combobox }).click();
  if (search) await page.getByRole('combobox', { name: combobox }).fill(search);
  await page.locator('.ant-select-item-option').filter({ hasText: option }).first().click();
};

/** Hovered buttons take antd's lighter hover tone; axe looks at the page at rest. */
const atRest = (page: Page) => page.mouse.move(0, 0);

/**
 * The form designer, end to end: a department admin adds a 是/否 field to a new draft, makes a
 * material conditional on it by picking (no JSON), saves, and sees in the portal's own preview,
 * framed beside the designer, the material appear once the answer is 是.
 */
describe.skipIf(!CHROMIUM)('form designer in chromium', () => {
  let apps: PortalInBrowser;
  let server: TestServer;
  let browser: Browser;
  let editorUrl = '';
  let version = 0;

  beforeAll(async () => {
    apps = await startPortalInBrowser({ shouldSeedCatalog: true, withAdmin: true });
    ({ server, browser } = apps);
    const admin = await server.login('scjg_admin');
    const draft = await admin.post<{ version: number }>(`/api/matters/${CODE}/transitions`, { action: 'newVersion' });
    expect(draft.status).toBe(200);
    version = draft.body.version;
    editorUrl = `${server.url}/admin/matters/${CODE}/versions/${version}/edit?tab=form`;
  }, 240_000);
  afterAll(async () => apps?.close());

  it('designs a conditional material and previews it', { timeout: 240_000 }, async () => {
    const { context, page } = await signInToAdmin(browser, server.url, 'scjg_admin');
    const { problems } = watchPage(page);
    await page.goto(editorUrl);
    await page.getByRole('heading', { level: 2, name: '申请表单' }).waitFor();

    await pickOption(page, '新字段的类型', '是/否');
    await page.getByRole('button', { name: '添加字段' }).click();
    await page.getByLabel('标题', { exact: true }).fill(FIELD_TITLE);
    await page.getByLabel('标识', { exact: true }).fill('sellsColdChain');
    await page.getByLabel('标识', { exact: true }).press('Enter');
    await page.getByRole('button', { name: `编辑“${FIELD_TITLE}”` }).waitFor();

    // The material's condition by picking: the field, then its default comparison 为是.
    await pickOption(page, `材料“${MATERIAL}”的条件：添加条件`, FIELD_TITLE, '冷链');
    const picker = page.getByRole('group', { name: `材料“${MATERIAL}”的条件` });
    // In the guide's words, as applicants will read it.
    await expect.poll(() => picker.locator('.designer-condition-words').textContent()).toBe(`适用条件：${FIELD_TITLE}为是`);
    await atRest(page);
    await checkStaffPage(page, 'desktop-designer');

    await page.getByRole('button', { name: /^保\s*存$/ }).click();
    await page.getByText('已保存', { exact: true }).waitFor();
    const stored = (await (await server.login('scjg_admin')).get<Stored>(`/api/matters/${CODE}/versions/${version}`)).body;
    expect(stored.document.form.schema.properties.sellsColdChain).toMatchObject({ type: 'boolean', title: FIELD_TITLE });
    expect(stored.document.form.uiSchema['ui:order'].at(-1)).toBe('sellsColdChain');
    expect(stored.document.materials.find((m) => m.name === MATERIAL)?.condition).toEqual({
      properties: { sellsColdChain: { const: true } },
      required: ['sellsColdChain'],
    });

    // The portal's preview of the saved draft: the material appears when the answer is 是.
    await page.getByRole('button', { name: '刷新预览' }).click();
    const preview = page.frameLocator('iframe[title^="申请页预览"]');
    const slot = preview.getByRole('heading', { level: 3, name: MATERIAL });
    await preview.getByRole('heading', { name: /申请材料（\d+ 项）/ }).waitFor();
    expect(await slot.count()).toBe(0);
    await preview.getByRole('radiogroup', { name: FIELD_TITLE }).getByLabel('是', { exact: true }).check();
    await slot.waitFor();
    await preview.getByRole('radiogroup', { name: FIELD_TITLE }).getByLabel('否', { exact: true }).check();
    await slot.waitFor({ state: 'detached' });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lays out on a phone, with the field being edited and the preview below', { timeout: 120_000 }, async () => {
    const { context, page } = await signInToAdmin(browser, server.url, 'scjg_admin', VIEWPORTS[1]);
    await page.goto(editorUrl);
    await page.getByRole('heading', { level: 2, name: '申请表单' }).waitFor();
    await page.getByRole('button', { name: '编辑“是否委托代理人办理”' }).click();
    // Two materials already depend on it, and the 标识 says so before a rename breaks them.
    await page.getByText(/授权委托书.*的条件使用此标识/).waitFor();
    await page
      .frameLocator('iframe[title^="申请页预览"]')
      .getByRole('heading', { name: /申请材料/ })
      .waitFor();
    await atRest(page);
    await checkStaffPage(page, 'phone-designer');
    await context.close();
  });
});
