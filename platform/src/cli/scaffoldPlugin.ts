import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ScaffoldInput {
  id: string;
  department: string;
  matters: string[];
}

const PLATFORM_VERSION_RANGE = '^0.1';
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SDK_INDEX = join(ROOT, 'plugins/sdk/index.ts');

/** A validate hook that checks nothing yet, with one example that the check runs. */
function files({ id, department, matters }: ScaffoldInput, platformPath: (file: string) => string): Record<string, string> {
  const matter = matters[0] ?? '';
  const manifest = {
    id,
    version: '0.1.0',
    department,
    description: '请填写插件的用途',
    platform: PLATFORM_VERSION_RANGE,
    matters,
    hooks: { validate: { description: '补充的表单检查' } },
    capabilities: { log: true },
    options: { schema: { type: 'object', additionalProperties: false, properties: {} }, defaults: {} },
    examples: [
      {
        name: '空表单没有问题',
        hook: 'validate',
        input: {
          matter: { code: matter, version: 1, name: '事项名称', departmentCode: department },
          form: {},
          answers: {},
          materials: [],
        },
        output: { issues: [] },
      },
    ],
  };
  return {
    'plugin.json': `${JSON.stringify(manifest, null, 2)}\n`,
    'src/index.ts': `import { definePlugin } from '@matterflow/plugin-sdk';
import type { Form } from '../forms';

export const plugin = definePlugin<Form>({
  hooks: {
    validate(input, ctx) {
      ctx.log.info(\`检查 \${input.matter.code}\`);
      return { issues: [] };
    },
  },
});
`,
    'test/plugin.test.ts': `import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { checkPluginFolder } from '${platformPath('platform/src/cli/pluginFolder')}';
import { createSandboxPool } from '${platformPath('platform/src/plugins/index')}';

// The upload check over this folder, in the platform's own sandbox, typed against the seed catalog's forms.
const pool = createSandboxPool({ quota: { callsPerMinute: 10_000, cpuMsPerMinute: 600_000 } });
afterAll(() => pool.close());

it('passes the upload check, its examples included', async () => {
  const result = await checkPluginFolder(fileURLToPath(new URL('..', import.meta.url)), { pool });
  expect(result.diagnostics).toEqual([]);
  expect(result.examples.filter((example) => !example.ok)).toEqual([]);
  expect(result.ok).toBe(true);
}, 120_000);
`,
    // For the editor: the SDK from the platform checkout this folder was scaffolded from.
    'tsconfig.json': `${JSON.stringify(
      {
        compilerOptions: {
          target: 'ES2020',
          module: 'ESNext',
          moduleResolution: 'Bundler',
          lib: ['ES2023'],
          types: [],
          strict: true,
          noUncheckedIndexedAccess: true,
          noEmit: true,
          paths: { '@matterflow/plugin-sdk': [SDK_INDEX] },
        },
        include: ['src/**/*.ts', 'forms.d.ts'],
      },
      null,
      2,
    )}\n`,
  };
}

/** Writes a new plugin folder; answers the files written, relative to `dir`. */
export function scaffoldPlugin(dir: string, input: ScaffoldInput): string[] {
  // The test imports the check from this platform checkout, relative to where the test lives.
  const platformPath = (file: string) => relative(join(dir, 'test'), join(ROOT, file)).split(sep).join('/');
  const written = files(input, platformPath);
  for (const [path, text] of Object.entries(written)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return Object.keys(written);
}
