import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPluginFolder, runCheckedHook } from '../../../platform/src/cli/pluginFolder';
import { createSandboxPool, type PluginCheckResult } from '../../../platform/src/plugins/index';

const dir = fileURLToPath(new URL('..', import.meta.url));
const pool = createSandboxPool({ quota: { callsPerMinute: 10_000, cpuMsPerMinute: 600_000 } });
let checked: PluginCheckResult;

const matter = {
  code: '11439901006010015W0001310240001',
  version: 1,
  name: '食品经营许可',
  departmentCode: '11439901006010015W',
};
const applicant = { kind: 'organisation', name: '云溪县好邻居便利店有限公司', creditCode: '91350100M000100Y43' };
const row = { name: '云溪县好邻居便利店有限公司', legalRepName: '王五', address: '云溪县城关镇人民路1号' };

describe('licence-prefill', () => {
  beforeAll(async () => {
    checked = await checkPluginFolder(dir, { pool });
  }, 120_000);
  afterAll(() => pool.close());

  it('passes the upload check, its examples included', () => {
    expect(checked.diagnostics).toEqual([]);
    expect(checked.examples.filter((example) => !example.ok)).toEqual([]);
    expect(checked).toMatchObject({ ok: true, stage: 'examples' });
  });

  it('reads the table the host grants, not one of its own', async () => {
    const answer = await runCheckedHook(pool, dir, checked.compiled ?? '', {
      hook: 'prefill',
      input: { matter, applicant },
      grants: { lookupTables: { licences: { [applicant.creditCode]: { ...row, legalRepName: '赵六' } } } },
    });
    expect(answer).toMatchObject({ ok: true, output: { formData: { legalRepName: '赵六', uscc: applicant.creditCode } } });
  });

  it('fails with capability_denied when the table is not granted', async () => {
    const answer = await runCheckedHook(pool, dir, checked.compiled ?? '', { hook: 'prefill', input: { matter, applicant } });
    expect(answer).toMatchObject({ ok: false, kind: 'capability_denied' });
  });
});
