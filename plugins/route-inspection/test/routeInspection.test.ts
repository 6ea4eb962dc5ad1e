import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPluginFolder, runCheckedHook } from '../../../platform/src/cli/pluginFolder';
import { createSandboxPool, type PluginCheckResult } from '../../../platform/src/plugins/index';

const dir = fileURLToPath(new URL('..', import.meta.url));
const pool = createSandboxPool({ quota: { callsPerMinute: 10_000, cpuMsPerMinute: 600_000 } });
let checked: PluginCheckResult;

const matter = {
  code: '1143990100601007400001130020001',
  version: 2,
  name: '道路旅客运输经营许可（县内及毗邻县）',
  departmentCode: '114399010060100740',
};
/** A republished flow whose parallel step has a real on-site branch (what an end-to-end test would publish). */
const steps = [
  {
    id: 'check',
    name: '核查',
    branches: [
      { id: 'siteInspection', name: '现场核查' },
      { id: 'paperReview', name: '书面审查' },
    ],
  },
];
const options = { stepId: 'check', inspectionBranch: 'siteInspection', deskBranch: 'paperReview', inspectionTypes: ['班车客运'] };
const route = (businessType: string, opts: unknown = options) =>
  runCheckedHook(pool, dir, checked.compiled ?? '', {
    hook: 'route',
    input: { matter, form: { businessType }, answers: {}, steps },
    options: opts,
  });

describe('route-inspection', () => {
  beforeAll(async () => {
    checked = await checkPluginFolder(dir, { pool });
  }, 120_000);
  afterAll(() => pool.close());

  it('passes the upload check, its examples included', () => {
    expect(checked.diagnostics).toEqual([]);
    expect(checked.examples.filter((example) => !example.ok)).toEqual([]);
    expect(checked).toMatchObject({ ok: true, stage: 'examples' });
  });

  it('follows the department’s options: the on-site branch for the types listed, the desk branch otherwise', async () => {
    expect(await route('班车客运')).toMatchObject({ ok: true, output: { branches: { check: ['siteInspection'] } } });
    expect(await route('包车客运')).toMatchObject({ ok: true, output: { branches: { check: ['paperReview'] } } });
  });

  it('leaves the flow to its conditions, with a warning, when the branch named is not in the step', async () => {
    const answer = await route('班车客运', { ...options, inspectionBranch: 'gone' });
    expect(answer).toMatchObject({
      ok: true,
      output: { branches: {} },
      logs: [{ level: 'warn', message: expect.stringContaining('gone') }],
    });
  });
});
