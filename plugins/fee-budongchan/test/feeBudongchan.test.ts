import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPluginFolder, runCheckedHook } from '../../../platform/src/cli/pluginFolder';
import { createSandboxPool, type PluginCheckResult } from '../../../platform/src/plugins/index';

const dir = fileURLToPath(new URL('..', import.meta.url));
const pool = createSandboxPool({ quota: { callsPerMinute: 10_000, cpuMsPerMinute: 600_000 } });
let checked: PluginCheckResult;

const matter = {
  code: '11439901006010058A0007100200031',
  version: 1,
  name: '不动产转移登记',
  departmentCode: '11439901006010058A',
};
const base = { propertyUse: '住宅', certificateCount: 1, isSmallMicroEnterprise: false };
/** 分 in all, as the receipt adds it up. */
async function total(form: Record<string, unknown>): Promise<number> {
  const answer = await runCheckedHook(pool, dir, checked.compiled ?? '', {
    hook: 'computeFees',
    input: { matter, form: { ...base, ...form }, answers: {} },
  });
  if (!answer.ok) throw new Error(answer.message);
  const { lines } = answer.output as { lines: { amountFen: number; quantity: number }[] };
  return lines.reduce((sum, line) => sum + line.amountFen * line.quantity, 0);
}

describe('fee-budongchan', () => {
  beforeAll(async () => {
    checked = await checkPluginFolder(dir, { pool });
  }, 120_000);
  afterAll(() => pool.close());

  it('passes the upload check, its examples included', () => {
    expect(checked.diagnostics).toEqual([]);
    expect(checked.examples.filter((example) => !example.ok)).toEqual([]);
    expect(checked).toMatchObject({ ok: true, stage: 'examples' });
  });

  it.each([
    ['住宅, one certificate', { propertyUse: '住宅' }, 8000],
    ['住宅, two certificates', { propertyUse: '住宅', certificateCount: 2 }, 9000],
    ['非住宅, one certificate', { propertyUse: '非住宅' }, 55000],
    ['非住宅, five certificates', { propertyUse: '非住宅', certificateCount: 5 }, 59000],
    [
      'a small enterprise pays only the extra certificates',
      { propertyUse: '非住宅', certificateCount: 3, isSmallMicroEnterprise: true },
      2000,
    ],
    ['a small enterprise with one certificate pays nothing', { isSmallMicroEnterprise: true }, 0],
  ])('%s', async (_, form, fen) => {
    expect(await total(form)).toBe(fen);
  });
});
