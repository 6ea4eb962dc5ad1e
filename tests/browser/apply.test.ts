import AxeBuilder from '@axe-core/playwright';
import { idNumberCheckCharacter } from '@matterflow/schemas';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, SCREENSHOTS, startPortalInBrowser, watchPage, type PortalInBrowser } from '../support/portalInBrowser';
import { DEMO_PASSWORD, type TestServer } from '../support/startTestServer';
import { FOOD, FOOD_FORM } from '../support/foodApplication';

/**
 * 在线办理 in a real browser (Debian chromium, zh-CN), on a desktop and on a phone: a citizen finds
 * 互联网上网服务营业场所设立审批 by a Chinese search, answers its 情形 question, registers on the
 * way, fills the form (an invalid field says so in Chinese beside it), watches the materials of
 * 最终审核 appear when the form's answer changes, uploads files (one refused by content), reloads
 * and resumes the draft, submits, gets a number and prints the 材料接收凭证; then 我的办件 and the
 * status timeline. Staff preview a version with submit disabled. Every page passes axe and is saved
 * as a screenshot to look at.
 */
const WANGBA = '1143990100601012XX0001220140001';
const WANGBA_NAME = '互联网上网服务营业场所设立审批（筹建及最终审核）';
/** The names of the materials FOOD_FORM's applicant uploads, as the slots show them. */
const FOOD_UPLOAD_NAMES = [
  '与食品经营相适应的经营场所使用证明',
  '与食品经营相适应的主要设备设施清单及布局、工艺流程图',
  '食品安全自查、从业人员健康管理、进货查验记录、食品安全事故处置等保证食品安全的规章制度',
];

const VIEWPORTS = [
  { name: 'desktop', viewport: { width: 1280, height: 800 }, isMobile: false, idFirst17: '43990119800101001', citizen: '周建华' },
  { name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true, idFirst17: '43990119900202002', citizen: '李秀英' },
] as const;

/** A one-page PDF, enough for the platform's content sniffing. */
function pdf(text: string): Buffer {
  const body = [
    '%PDF-1.4',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj',
    `% ${text}`,
    'trailer << /Root 1 0 R >>',
    '%%EOF',
    '',
  ].join('\n');
  return Buffer.from(body, 'latin1');
}

describe.skipIf(!CHROMIUM)('在线办理 in chromium', () => {
  let portal: PortalInBrowser;
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    portal = await startPortalInBrowser({ shouldSeedCatalog: true });
    ({ server, browser } = portal);
  }, 120_000);
  afterAll(async () => portal?.close());

  for (const { name, viewport, isMobile, idFirst17, citizen } of VIEWPORTS) {
    it(`applies online, resumes the draft, submits and prints the receipt (${name})`, { timeout: 180_000 }, async () => {
      const context: BrowserContext = await browser.newContext({ viewport, isMobile, hasTouch: isMobile, locale: 'zh-CN' });
      const page = await context.newPage();
      const { problems, refusals } = watchPage(page);
      const check = async (shot: string) => {
        // The portal sets no inline style (the CSP allows only its own style sheets). Checked
        // before axe; the empty attribute is the one playwright leaves on what it clicked.
        const styled = page.locator('[style]:not([style=""])');
        // Runs in the page: no closure over test code.
        const found = await styled.evaluateAll((elements) =>
          elements.map((element) => (element as unknown as { outerHTML: string }).outerHTML.slice(0, 80)),
        );
        expect(found).toEqual([]);
        const { violations } = await new AxeBuilder({ page }).analyze();
        const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
        await page.screenshot({ path: join(SCREENSHOTS, `${name}-apply-${shot}.png`), fullPage: true });
      };
      const idNumber = idFirst17 + idNumberCheckCharacter(idFirst17);

      // Found by a Chinese search, 情形 answered, on to 在线办理 with the answer.
      await page.goto(`${server.url}/`);
      await page.getByLabel('搜索事项').fill('上网服务 设立');
      await page.getByRole('button', { name: '搜索' }).click();
      await page.getByRole('link', { name: WANGBA_NAME }).click();
      await page.getByRole('heading', { level: 1, name: WANGBA_NAME }).waitFor();
      await page.getByRole('link', { name: /情形引导/ }).click();
      await page.getByLabel('筹建完成，申请最终审核').check();
      await expect
        .poll(() => page.getByRole('heading', { level: 2, name: /您需要准备的材料/ }).textContent())
        .toBe('您需要准备的材料（9 项）');
      await page.getByRole('link', { name: '按此情形在线办理' }).click();

      // Signed out: to 登录, then 注册, and back to the application.
      await page.getByRole('heading', { level: 1, name: '登录' }).waitFor();
      expect(new URL(page.url()).searchParams.get('next')).toBe(`/matters/${WANGBA}/apply?stage=final`);
      await page.getByRole('main').getByRole('link', { name: '注册' }).click();
      await page.getByRole('heading', { level: 1, name: '注册' }).waitFor();
      await page.getByLabel('姓名').fill(citizen);
      await page.getByLabel('身份证号').fill(idNumber);
      await page.getByLabel('手机号码').fill('13912345678');
      await page.getByLabel('设置密码').fill('yunxi-2026');
      await page.getByRole('button', { name: '注册并登录' }).click();

      // A draft is opened for this citizen and the page moves to it; the answer came along.
      await page.waitForURL(/\/drafts\/[0-9a-f-]{36}$/);
      const draftUrl = page.url();
      await page.getByRole('heading', { level: 1, name: /在线办理/ }).waitFor();
      expect(await page.getByLabel('筹建完成，申请最终审核').isChecked()).toBe(true);
      await page.getByText(/^已保存 \d\d:\d\d:\d\d$/).waitFor();
      const slots = page.getByRole('heading', { level: 2, name: /申请材料（\d+ 项）/ });
      await expect.poll(() => slots.textContent()).toBe('申请材料（6 项）');
      await check('1-draft');

      // The form: an invalid value is named in Chinese beside its field, not by the browser.
      await page.getByLabel('筹建', { exact: true }).check();
      await page.getByLabel('企业名称').fill('云溪县星辰网络服务有限公司');
      await page.getByLabel('统一社会信用代码').fill('abc');
      // rjsf's label ends with the required mark (法定代表人*).
      await page.getByLabel(/^法定代表人\*?$/).fill(citizen);
      await page.getByLabel('法定代表人身份证号码').fill(idNumber);
      await page.getByLabel('联系电话').fill('13912345678');
      await page.getByLabel('营业场所地址').fill('云溪县城关镇人民路 18 号二楼');
      await page.getByLabel('营业面积（平方米）').fill('260');
      await page.getByLabel('计算机（终端）台数').fill('80');
      // A group of choices is named by its field, so a screen reader reads the question with them.
      await page.getByRole('radiogroup', { name: '场所权属' }).getByLabel('租赁', { exact: true }).check();
      await page.getByRole('button', { name: '提交申请' }).click();
      const usccError = page.locator('#root_uscc__error');
      await expect.poll(() => usccError.textContent()).toContain('“统一社会信用代码”格式不正确');
      expect(await page.locator('#root_uscc:focus').count()).toBe(1);
      expect(await page.getByLabel('统一社会信用代码').getAttribute('aria-describedby')).toContain('root_uscc__error');
      await check('2-invalid-field');
      await page.getByLabel('统一社会信用代码').fill('91439901MA4L0B2X3K');
      await expect.poll(() => usccError.count()).toBe(0);

      // 最终审核 brings its own materials; 筹建 does not.
      expect(await page.getByRole('heading', { level: 3, name: '信息网络安全承诺书' }).count()).toBe(0);
      await page.getByLabel('最终审核', { exact: true }).check();
      await page.getByRole('heading', { level: 3, name: '信息网络安全承诺书' }).waitFor();
      await expect.poll(() => slots.textContent()).toBe('申请材料（9 项）');
      const fetched = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: '同意筹建的批准文件' }) });
      await fetched.getByText('免提交（由窗口调取）').waitFor();

      // Uploads, one refused by what it is, not by what it is called.
      const slot = (material: string) =>
        page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: material }) });
      const upload = async (material: string, file: { name: string; mimeType: string; buffer: Buffer }) => {
        await slot(material).locator('input[type=file]').setInputFiles(file);
      };
      await upload('企业章程', {
        name: '章程.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('这不是 PDF，是一段文字。'),
      });
      await slot('企业章程')
        .getByRole('alert')
        .getByText(/“章程\.pdf”未能上传/)
        .waitFor();
      expect(refusals).toEqual(['422 /api/files']);
      await check('3-upload-refused');
      const files = {
        企业章程: '企业章程（2026年修订）.pdf',
        资金信用证明: '银行资信证明.pdf',
        营业场所产权证明或者租赁意向书: '租赁意向书.pdf',
        信息网络安全承诺书: '信息网络安全承诺书.pdf',
      } as const;
      for (const [material, file] of Object.entries(files)) {
        await upload(material, { name: file, mimeType: 'application/pdf', buffer: pdf(file) });
        await slot(material).getByText(file).waitFor();
      }
      expect(await slot('企业章程').getByRole('alert').count()).toBe(0);
      await page.getByText(/^已保存 \d\d:\d\d:\d\d$/).waitFor();
      await check('4-filled');

      // A reload (or another device) resumes the draft: answers, form and files.
      await page.reload();
      await page.getByRole('heading', { level: 1, name: /在线办理/ }).waitFor();
      expect(page.url()).toBe(draftUrl);
      expect(await page.getByLabel('企业名称').inputValue()).toBe('云溪县星辰网络服务有限公司');
      expect(await page.getByLabel('最终审核', { exact: true }).isChecked()).toBe(true);
      await slot('信息网络安全承诺书').getByText('信息网络安全承诺书.pdf').waitFor();

      // Submit: a number and the 材料接收凭证.
      await page.getByRole('button', { name: '提交申请' }).click();
      await page.waitForURL(/\/applications\/[0-9A-Z]+\/receipt$/);
      await page.getByRole('heading', { level: 1, name: '材料接收凭证' }).waitFor();
      const number = decodeURIComponent(new URL(page.url()).pathname.split('/')[2] ?? '');
      expect(number).toMatch(new RegExp(`^${WANGBA}\\d{8}\\d{4}$`));
      await page.getByText(number, { exact: true }).waitFor();
      await page.getByText(`${citizen}（身份证号 ${idNumber.slice(0, 4)}`).waitFor();
      await page.getByText('企业章程（2026年修订）.pdf').waitFor();
      await check('5-receipt');
      await page.emulateMedia({ media: 'print' });
      await page.screenshot({ path: join(SCREENSHOTS, `${name}-apply-6-receipt-print.png`), fullPage: true });
      await page.emulateMedia({ media: 'screen' });
      expect(await page.getByRole('button', { name: '打印' }).isVisible()).toBe(true);

      // 我的办件 and the status page with its timeline.
      await page.getByRole('link', { name: '我的办件' }).first().click();
      await page.getByRole('heading', { level: 1, name: '我的办件' }).waitFor();
      await page.getByText(`申请编号 ${number}`).waitFor();
      expect(await page.getByRole('heading', { name: /未提交的申请/ }).count()).toBe(0);
      await check('7-mine');
      await page.getByRole('link', { name: WANGBA_NAME }).click();
      await page.getByRole('heading', { level: 2, name: '办理进度' }).waitFor();
      await page
        .getByRole('list', { name: /办理进度/ })
        .getByText('提交申请')
        .waitFor();
      await check('8-status');

      expect(refusals).toEqual(['422 /api/files']);
      expect(problems).toEqual([]);
      await context.close();
    });
  }

  it('prints the receipt on A4', { timeout: 60_000 }, async () => {
    // The desktop citizen above, on a fresh device.
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${server.url}/login?next=${encodeURIComponent('/applications')}`);
    await page.getByLabel('身份证号或用户名').fill(VIEWPORTS[0].idFirst17 + idNumberCheckCharacter(VIEWPORTS[0].idFirst17));
    await page.getByLabel('密码').fill('yunxi-2026');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { level: 1, name: '我的办件' }).waitFor();
    await page.getByRole('link', { name: WANGBA_NAME }).click();
    await page.getByRole('link', { name: /材料接收凭证/ }).click();
    await page.getByRole('heading', { level: 1, name: '材料接收凭证' }).waitFor();
    const file = await page.pdf({ format: 'A4', path: join(SCREENSHOTS, 'receipt.pdf') });
    expect(file.subarray(0, 4).toString()).toBe('%PDF');
    await context.close();
  });

  it('previews a version for staff, with submit disabled', { timeout: 60_000 }, async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const { problems } = watchPage(page);
    await page.goto(`${server.url}/login?next=${encodeURIComponent(`/matters/${WANGBA}/apply?preview=1`)}`);
    await page.getByLabel('身份证号或用户名').fill('legal');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page
      .getByRole('note')
      .getByText(/预览：第 1 版/)
      .waitFor();
    await page.getByLabel('企业名称').fill('预览用企业');
    expect(await page.getByRole('button', { name: '提交申请' }).isDisabled()).toBe(true);
    expect(await page.locator('input[type=file]').count()).toBe(0);
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'desktop-apply-9-preview.png'), fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lets a window clerk file for a citizen (代办), and reloads a draft changed elsewhere', { timeout: 120_000 }, async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const { problems, refusals } = watchPage(page);
    await page.goto(`${server.url}/login?next=${encodeURIComponent(`/matters/${FOOD}/apply`)}`);
    await page.getByLabel('身份证号或用户名').fill('scjg_window');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { level: 2, name: '代办：申请人信息' }).waitFor();
    const first17 = '43990119900307128';
    await page.getByLabel('申请人姓名').fill('李春梅');
    await page.getByLabel('申请人身份证号').fill(`${first17}${idNumberCheckCharacter(first17) === '0' ? '1' : '0'}`);
    await page.getByLabel('申请人手机号码').fill('13800138000');
    await page.getByRole('button', { name: '开始代办' }).click();
    // The check digit is caught before anything is sent.
    await page.locator('#field-onBehalf-idNumber-error').waitFor();
    expect(refusals).toEqual([]);
    await page.getByLabel('申请人身份证号').fill(first17 + idNumberCheckCharacter(first17));
    await page.getByRole('button', { name: '开始代办' }).click();
    await page.waitForURL(/\/drafts\/[0-9a-f-]{36}$/);
    await page
      .getByRole('note')
      .getByText(/代办：为申请人 李春梅（身份证号 4399\*+\d{4}）填报/)
      .waitFor();
    await page.getByText(/^已保存 /).waitFor();

    // The same draft saved from another tab: this page's next save is stale, so it reloads.
    const draftId = new URL(page.url()).pathname.split('/')[2] ?? '';
    const session = (await (await context.request.get(`${server.url}/api/session`)).json()) as { csrfToken: string };
    const draft = (await (await context.request.get(`${server.url}/api/drafts/${draftId}`)).json()) as { revision: number };
    const elsewhere = await context.request.put(`${server.url}/api/drafts/${draftId}`, {
      headers: { 'X-CSRF-Token': session.csrfToken },
      data: { revision: draft.revision, answers: {}, formData: FOOD_FORM, materials: {} },
    });
    expect(elsewhere.status()).toBe(200);
    await page.getByLabel('联系电话').fill('13900000000');
    await page
      .getByRole('alert')
      .getByText(/刚在另一个页面或设备上修改过/)
      .waitFor();
    expect(await page.getByLabel('经营者名称').inputValue()).toBe(FOOD_FORM.enterpriseName);
    expect(refusals).toEqual(['409 /api/drafts/' + draftId]);
    await page.getByRole('button', { name: '知道了' }).click();

    const slot = (material: string) =>
      page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: material }) });
    for (const material of FOOD_UPLOAD_NAMES) {
      await slot(material)
        .locator('input[type=file]')
        .setInputFiles({ name: '材料.pdf', mimeType: 'application/pdf', buffer: pdf(material) });
      await slot(material).getByText('材料.pdf').waitFor();
    }
    await page.getByText(/^已保存 /).waitFor();
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.getByRole('heading', { level: 1, name: '材料接收凭证' }).waitFor();
    const receipt = page.getByRole('main');
    await receipt.getByText('代办', { exact: true }).waitFor();
    await receipt.getByText(/刘晓燕/).waitFor();
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'desktop-apply-11-on-behalf-receipt.png'), fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });

  // Last: it publishes a new version of the matter the tests above apply for.
  it('tells the applicant what changed when the draft’s version was superseded', { timeout: 90_000 }, async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 }, isMobile: true });
    const page = await context.newPage();
    const { problems } = watchPage(page);
    const id17 = '43990119850303003';
    const registered = await context.request.post(`${server.url}/api/citizens`, {
      data: { name: '王晓明', idNumber: id17 + idNumberCheckCharacter(id17), phone: '13812345678', password: 'yunxi-2026' },
    });
    expect(registered.status()).toBe(201);
    await page.goto(`${server.url}/matters/${WANGBA}/apply`);
    await page.waitForURL(/\/drafts\//);
    await page.getByLabel('企业名称').fill('云溪县晓明网络会所');
    await page.getByLabel('营业面积（平方米）').fill('180');
    // Saved on the platform (the page said 已保存 already before the change).
    const draftId = new URL(page.url()).pathname.split('/')[2] ?? '';
    await expect
      .poll(
        async () =>
          (
            (await (await context.request.get(`${server.url}/api/drafts/${draftId}`)).json()) as {
              formData: { businessArea?: number };
            }
          ).formData.businessArea,
      )
      .toBe(180);

    const legal = await server.login('legal');
    const current = await legal.get(`/api/matters/${WANGBA}`);
    const created = await legal.post(`/api/matters/${WANGBA}/transitions`, { action: 'newVersion' });
    expect(created.status, created.text).toBe(200);
    const document = structuredClone(current.body.document);
    delete document.form.schema.properties.businessArea;
    document.form.schema.required = document.form.schema.required.filter((name: string) => name !== 'businessArea');
    document.form.uiSchema['ui:order'] = document.form.uiSchema['ui:order'].filter((name: string) => name !== 'businessArea');
    const saved = await legal.put(`/api/matters/${WANGBA}/draft`, { revision: created.body.revision, document });
    expect(saved.status, saved.text).toBe(200);
    for (const action of ['submit', 'publish']) {
      const step = await legal.post(`/api/matters/${WANGBA}/transitions`, { action });
      expect(step.status, step.text).toBe(200);
    }

    await page.reload();
    const notice = page.getByRole('region', { name: /本事项已更新/ });
    await notice.getByRole('heading', { name: /第 1 版 → 第 2 版/ }).waitFor();
    await notice.getByText('申请表“营业面积（平方米）”').waitFor();
    expect(await page.getByLabel('企业名称').inputValue()).toBe('云溪县晓明网络会所');
    expect(await page.getByLabel('营业面积（平方米）').count()).toBe(0);
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'phone-apply-10-upgraded.png'), fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });
});
