import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPluginFolder, runCheckedHook } from '../../../platform/src/cli/pluginFolder';
import { createSandboxPool, type PluginCheckResult } from '../../../platform/src/plugins/index';
import departments from '../../../schemas/catalog/departments.json' with { type: 'json' };

const dir = fileURLToPath(new URL('..', import.meta.url));
const pool = createSandboxPool({ quota: { callsPerMinute: 10_000, cpuMsPerMinute: 600_000 } });
let checked: PluginCheckResult;

// The vectors of our own validators' tests (schemas' checkIdNumber, departments' uscc): the plugin
// has its own implementation, so the same numbers must come out the same way.
const GOOD_IDS = ['11010519491231002X', '110101199003071233', '440304198506150015', '310115200002290048', '510108199912318888'];
const BAD_IDS = ['110105194912310021', '110101199003071234', '44030419850615001X', '1101051949123100', 'X10105194912310021'];
const GOOD_CODES = ['91350100M000100Y43', ...departments.map((department) => department.code)];
const BAD_CODES = ['91350100M000100Y44', '91350100M000100I43', '91350100M000100Y4'];

const matter = {
  code: '11439901006010015W0010310240011',
  version: 1,
  name: '仅销售预包装食品备案',
  departmentCode: '11439901006010015W',
};
const validate = (form: Record<string, string>) =>
  runCheckedHook(pool, dir, checked.compiled ?? '', { hook: 'validate', input: { matter, form, answers: {}, materials: [] } });

describe('id-check', () => {
  beforeAll(async () => {
    checked = await checkPluginFolder(dir, { pool });
  }, 120_000);
  afterAll(() => pool.close());

  it('passes the upload check, its examples included', () => {
    expect(checked.diagnostics).toEqual([]);
    expect(checked.examples.filter((example) => !example.ok)).toEqual([]);
    expect(checked).toMatchObject({ ok: true, stage: 'examples' });
  });

  it.each(GOOD_IDS)('accepts the 身份证号码 %s', async (id) => {
    expect(await validate({ operatorIdNumber: id })).toMatchObject({ ok: true, output: { issues: [] } });
  });

  it.each(BAD_IDS)('refuses the 身份证号码 %s at its field', async (id) => {
    const answer = await validate({ operatorIdNumber: id });
    expect(answer).toMatchObject({
      ok: true,
      output: { issues: [{ pointer: '/formData/operatorIdNumber', code: 'id_check.id_number' }] },
    });
  });

  it.each(GOOD_CODES)('accepts the 统一社会信用代码 %s', async (code) => {
    expect(await validate({ uscc: code })).toMatchObject({ ok: true, output: { issues: [] } });
  });

  it.each(BAD_CODES)('refuses the 统一社会信用代码 %s at its field', async (code) => {
    const answer = await validate({ uscc: code });
    expect(answer).toMatchObject({ ok: true, output: { issues: [{ pointer: '/formData/uscc', code: 'id_check.credit_code' }] } });
  });
});
