import { afterAll, describe, expect, it } from 'vitest';
import { createSandboxPool } from '../sandbox/createSandboxPool';
import type { PluginBundle } from './PluginCheckResult';
import { checkPluginBundle } from './checkPluginBundle';

const DEPARTMENT = '11439901006010058A';
const MATTER = `${DEPARTMENT}0007100200031`;
/** A form with a nested applicant, as the brief's `input.form.applicant.idNumber`. */
const FORM = {
  type: 'object',
  required: ['applicant', 'count'],
  properties: {
    applicant: {
      title: '申请人',
      type: 'object',
      required: ['name', 'idNumber'],
      properties: { name: { type: 'string' }, idNumber: { type: 'string' } },
    },
    count: { title: '件数', type: 'integer' },
  },
};
const forms = { [MATTER]: FORM };
const matter = { code: MATTER, version: 1, name: '不动产转移登记', departmentCode: DEPARTMENT };

const SOURCE = `import { definePlugin } from '@matterflow/plugin-sdk';
import type { Form } from '../forms';
import { issueFor } from './issues';

export const plugin = definePlugin<Form>({
  hooks: {
    validate(input) {
      const id = input.form.applicant.idNumber;
      return { issues: id.length === 18 ? [] : [issueFor('/formData/applicant/idNumber')] };
    },
  },
});
`;
const ISSUES = `export const issueFor = (pointer: string) => ({ pointer, message: '身份证号码应为 18 位' });\n`;

function bundle(overrides: { manifest?: Record<string, unknown>; files?: Record<string, string> } = {}): PluginBundle {
  return {
    manifest: {
      id: 'test-plugin',
      version: '1.0.0',
      department: DEPARTMENT,
      description: '测试用插件',
      platform: '^0.1',
      matters: [MATTER],
      hooks: { validate: { description: '身份证号码长度' } },
      capabilities: { log: true },
      examples: [
        {
          name: '18 位通过',
          hook: 'validate',
          input: {
            matter,
            form: { applicant: { name: '张三', idNumber: '11010519491231002X' }, count: 1 },
            answers: {},
            materials: [],
          },
          output: { issues: [] },
        },
        {
          name: '短号码提示',
          hook: 'validate',
          input: { matter, form: { applicant: { name: '张三', idNumber: '123' }, count: 1 }, answers: {}, materials: [] },
          output: { issues: [{ pointer: '/formData/applicant/idNumber', message: '身份证号码应为 18 位' }] },
        },
      ],
      ...overrides.manifest,
    },
    files: { 'src/index.ts': SOURCE, 'src/issues.ts': ISSUES, ...overrides.files },
  };
}

const pool = createSandboxPool({ quota: { callsPerMinute: 10_000, cpuMsPerMinute: 600_000 } });
afterAll(() => pool.close());

// Each check that gets past the manifest starts a type-check worker: seconds, more on a busy machine.
describe('checkPluginBundle', { timeout: 120_000 }, () => {
  it('checks a good bundle, and its compiled code runs in the pool', async () => {
    const result = await checkPluginBundle(bundle(), { forms, pool });
    expect(result.diagnostics).toEqual([]);
    expect(result).toMatchObject({
      ok: true,
      stage: 'examples',
      examples: [
        { name: '18 位通过', ok: true },
        { name: '短号码提示', ok: true },
      ],
    });
    expect(result.compiled).toContain('globalThis.__matterflowPlugin');
    const answer = await pool.run({
      departmentCode: DEPARTMENT,
      pluginId: 'test-plugin',
      version: '1.0.0',
      code: result.compiled ?? '',
      hook: 'validate',
      input: { matter, form: { applicant: { name: '李四', idNumber: '1' }, count: 2 }, answers: {}, materials: [] },
      options: {},
      grants: { httpOrigins: [], lookupTables: {}, calendar: null },
    });
    expect(answer).toMatchObject({ ok: true, output: { issues: [{ pointer: '/formData/applicant/idNumber' }] } });
  });

  it('reports a misspelt form field with its file and line', async () => {
    const misspelt = SOURCE.replace('input.form.applicant.idNumber', 'input.form.applicant.idNumbr');
    const result = await checkPluginBundle(bundle({ files: { 'src/index.ts': misspelt } }), { forms, pool });
    expect(result).toMatchObject({ ok: false, stage: 'types', examples: [] });
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ file: 'src/index.ts', line: 8, code: 'TS2551', message: expect.stringContaining('idNumbr') }),
    ]);
    expect(result.compiled).toBeUndefined();
  });

  it('types against the current forms, not the copy of forms.d.ts the bundle brings', async () => {
    const stale = 'export type Form = { applicant: { idNumbr: string } };\n';
    const misspelt = SOURCE.replace('input.form.applicant.idNumber', 'input.form.applicant.idNumbr');
    const result = await checkPluginBundle(bundle({ files: { 'src/index.ts': misspelt, 'forms.d.ts': stale } }), { forms, pool });
    expect(result).toMatchObject({ ok: false, stage: 'types' });
  });

  it('has no DOM and no Node types', async () => {
    const source = SOURCE.replace('const id =', 'document.title = process.version;\n      const id =');
    const result = await checkPluginBundle(bundle({ files: { 'src/index.ts': source } }), { forms, pool });
    expect(result.diagnostics.map((diagnostic) => diagnostic.message).join('\n')).toMatch(/document[\s\S]*process/);
  });

  it.each([
    ['a Node built-in', `import { readFileSync } from 'fs';`, 'fs'],
    [
      'the platform’s code',
      `import { createApp as readFileSync } from '../../platform/src/http/createApp';`,
      '../../platform/src/http/createApp',
    ],
    ['a package', `import readFileSync from 'typescript';`, 'typescript'],
  ])('refuses to compile an import of %s', async (_, line, specifier) => {
    // The author silences the type check; the compile refuses the import on its own.
    const source = `// @ts-ignore\n${line}\n${SOURCE.replace('const id =', 'void readFileSync;\n      const id =')}`;
    const result = await checkPluginBundle(bundle({ files: { 'src/index.ts': source } }), { forms, pool });
    expect(result).toMatchObject({ ok: false, stage: 'compile' });
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ file: 'src/index.ts', line: 2, code: 'esbuild', message: expect.stringContaining(specifier) }),
    ]);
  });

  it('fails an example whose output differs, saying how', async () => {
    const manifest = bundle().manifest as { examples: { output: unknown }[] };
    const examples = structuredClone(manifest.examples);
    examples[1]!.output = { issues: [] };
    const result = await checkPluginBundle(bundle({ manifest: { examples } }), { forms, pool });
    expect(result).toMatchObject({ ok: false, stage: 'examples' });
    expect(result.examples[0]).toEqual({ name: '18 位通过', hook: 'validate', ok: true });
    expect(result.examples[1]).toMatchObject({
      name: '短号码提示',
      ok: false,
      message: expect.stringContaining('输出与预期不同'),
    });
  });

  it('holds examples to the hook’s output schema narrowed by the manifest, as the host does', async () => {
    const hooks = { validate: { description: '从不报问题', output: { properties: { issues: { maxItems: 0 } } } } };
    const result = await checkPluginBundle(bundle({ manifest: { hooks } }), { forms, pool });
    expect(result.examples).toMatchObject([
      { name: '18 位通过', ok: true },
      { name: '短号码提示', ok: false, message: expect.stringContaining('output_invalid') },
    ]);
  });

  it('passes an example that expects a failure kind, and fails one whose plugin answers instead', async () => {
    const thrower = `import { definePlugin } from '@matterflow/plugin-sdk';\nexport const plugin = definePlugin({ hooks: { validate(input) { if (input.materials.length) throw new Error('坏'); return { issues: [] }; } } });\n`;
    const input = { matter, form: {}, answers: {}, materials: ['m1'] };
    const examples = [
      { name: '抛错', hook: 'validate', input, failure: 'throw' },
      { name: '不抛错', hook: 'validate', input: { ...input, materials: [] }, failure: 'throw' },
    ];
    const result = await checkPluginBundle(bundle({ manifest: { examples }, files: { 'src/index.ts': thrower } }), {
      forms,
      pool,
    });
    expect(result.examples).toMatchObject([
      { name: '抛错', ok: true },
      { name: '不抛错', ok: false, message: expect.stringContaining('预期以 throw 失败') },
    ]);
  });

  it.each([
    ['a bad id', { id: 'Bad_Id' }, '/id'],
    ['a platform range this platform is not in', { platform: '^2.0' }, '/platform'],
    ['another department’s matter', { matters: ['11439901006010015W0001311280001'] }, '/matters/0'],
    ['an unknown hook', { hooks: { onSubmit: { description: '不存在的钩子' } } }, '/hooks'],
    [
      'a narrower schema that does not compile',
      { hooks: { validate: { description: '坏模式', output: { type: 'nonsense' } } } },
      '/hooks/validate/output',
    ],
    [
      'an example input the hook does not take',
      { examples: [{ name: 'x', hook: 'validate', input: { form: {} }, output: { issues: [] } }] },
      '/examples/0/input/matter',
    ],
  ])('refuses a manifest with %s, by pointer', async (_, manifest, pointer) => {
    const result = await checkPluginBundle(bundle({ manifest }), { forms, pool });
    expect(result).toMatchObject({ ok: false, stage: 'manifest' });
    expect(result.diagnostics.map((diagnostic) => diagnostic.pointer)).toContain(pointer);
  });

  it.each([
    ['a path out of the folder', { '../evil.ts': 'x' }],
    ['an absolute path', { '/etc/passwd': 'x' }],
    ['its own copy of the SDK', { '__sdk__/index.ts': 'export const definePlugin = 1;' }],
    ['too many files', Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`src/f${i}.ts`, '']))],
    ['more than 512 KiB', { 'src/big.ts': `// ${'x'.repeat(512 * 1024)}` }],
  ])('refuses a bundle with %s', async (_, files) => {
    const result = await checkPluginBundle(bundle({ files }), { forms, pool });
    expect(result).toMatchObject({ ok: false, stage: 'manifest' });
  });
});
