import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dirtyCatalogForSeedDepartments, storableDirtyMatters } from '../support/dirtyCatalog';
import { CHROMIUM, startPortalInBrowser, VIEWPORTS, watchPage, type PortalInBrowser } from '../support/portalInBrowser';
import { checkStaffPage, signInToAdmin } from '../support/staffInBrowser';
import type { TestServer } from '../support/startTestServer';

/**
 * Cleaning the catalog as legal does it: import a dirty file and see every row error before
 * anything is written, import what can be stored after a dry run that writes nothing, then work
 * through the quality report rule by rule to the field that causes each finding; export too.
 */
describe.skipIf(!CHROMIUM)('quality report, import and export in chromium', () => {
  let apps: PortalInBrowser;
  let server: TestServer;
  let browser: Browser;
  let dir: string;
  const versionCount = async () =>
    (await server.deps.db.query<{ n: number }>('SELECT count(*)::int AS n FROM matter_versions')).rows[0]?.n ?? 0;

  beforeAll(async () => {
    apps = await startPortalInBrowser({ shouldSeedCatalog: true, withAdmin: true });
    ({ server, browser } = apps);
    dir = mkdtempSync(join(tmpdir(), 'admin-import-'));
  }, 240_000);
  afterAll(async () => {
    await apps?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows every row error of a dirty file, then imports the rest only after a dry run', { timeout: 180_000 }, async () => {
    const { context, page } = await signInToAdmin(browser, server.url, 'legal');
    const { problems } = watchPage(page);
    const catalog = dirtyCatalogForSeedDepartments();
    const dirtyFile = join(dir, '脏目录.json');
    writeFileSync(dirtyFile, JSON.stringify(catalog));
    await page.goto(`${server.url}/admin/exchange`);
    await page.locator('input[type=file]').setInputFiles(dirtyFile);
    await page.getByRole('button', { name: '试导入（只校验，不写入）' }).click();
    await page.getByText(/文件有 \d+ 处问题，未写入任何内容/).waitFor();
    const rows = await page.locator('.ant-table-tbody tr').count();
    expect(rows).toBeGreaterThan(3);
    expect(await page.getByRole('button', { name: '确认导入' }).isDisabled()).toBe(true);
    await checkStaffPage(page, 'desktop-import-refused');

    // The rows the platform refused, taken from its own answer, are left out of the second file.
    const refused = await server.login('legal').then((client) => client.post('/api/catalog/import?dryRun=true', catalog));
    const badRows = new Set((refused.body.error.details.errors as { row: number }[]).map((error) => error.row));
    const storable = storableDirtyMatters(catalog, badRows);
    const cleanFile = join(dir, '可导入.json');
    writeFileSync(cleanFile, JSON.stringify({ ...catalog, matters: storable }));
    const before = await versionCount();
    await page.locator('input[type=file]').setInputFiles(cleanFile);
    await page.getByRole('button', { name: '试导入（只校验，不写入）' }).click();
    await page.getByText('校验通过：以下是确认导入后的结果，现在尚未写入').waitFor();
    expect(await versionCount()).toBe(before);
    await page.getByRole('button', { name: '确认导入' }).click();
    await page.getByText(/^已导入/).waitFor();
    expect(await versionCount()).toBe(before + storable.length);
    await checkStaffPage(page, 'desktop-import-done');
    expect(problems).toEqual([]);
    await context.close();
  });

  for (const { name, viewport, isMobile } of VIEWPORTS) {
    it(`walks the quality report by rule to the field of a finding (${name})`, { timeout: 120_000 }, async () => {
      const { context, page } = await signInToAdmin(browser, server.url, 'legal', { viewport, isMobile });
      await page.goto(`${server.url}/admin/quality`);
      await page.getByRole('heading', { name: '按规则' }).waitFor();
      const ruleLink = page.locator('.ant-table').first().getByRole('link').first();
      await ruleLink.waitFor();
      const rule = await ruleLink.textContent();
      await ruleLink.click();
      await page.getByRole('heading', { name: `问题明细：${rule}` }).waitFor();
      await checkStaffPage(page, `${name}-quality`);
      const field = page.getByRole('link', { name: /^到 .+ 的字段 \// }).first();
      const href = await field.getAttribute('href');
      expect(href).toMatch(/^\/admin\/matters\/[0-9A-Z]+\/versions\/\d+\/edit\?pointer=%2F/);
      await context.close();
    });
  }

  it('exports the catalog as a workbook the import takes back', { timeout: 120_000 }, async () => {
    const { context, page } = await signInToAdmin(browser, server.url, 'scjg_admin');
    await page.goto(`${server.url}/admin/exchange`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '导出' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByRole('button', { name: '试导入（只校验，不写入）' }).click();
    // A workbook is parsed off the request thread; on a busy machine that takes a while.
    await page
      .getByText('校验通过：以下是确认导入后的结果，现在尚未写入')
      .or(page.locator('.ant-alert-error'))
      .waitFor({ timeout: 90_000 });
    expect(
      await page.locator('.ant-alert-error').count(),
      await page.locator('.ant-alert-error').allTextContents().then(String),
    ).toBe(0);
    // Nothing changed since the export: every row is counted unchanged.
    const summary = page.locator('.exchange-summary');
    expect(await summary.getByRole('row').first().textContent()).toContain('新建0');
    await checkStaffPage(page, 'desktop-export-reimport');
    await context.close();
  });
});
