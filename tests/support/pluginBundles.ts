import type { HookTarget } from '../../platform/src/kernel';

/**
 * Small plugin bundles, built the way `npm run plugin -- pack` writes them, for tests that go
 * through the real upload check and the real sandbox.
 */
export interface BundleOptions {
  id?: string;
  version?: string;
  department: string;
  matters: string[];
  /** The body of `validate(input, ctx)`; by default it answers one issue naming its version. */
  validateBody?: string;
  /** Extra hooks' source, inserted into `hooks: { … }`. */
  extraHooks?: string;
  extraManifestHooks?: Record<string, { description: string }>;
  capabilities?: Record<string, unknown>;
  /** The manifest's `options` (schema and defaults). */
  options?: Record<string, unknown>;
  /** Replaces the whole of src/index.ts (a type error, say). */
  source?: string;
}

export function servedMessage(version: string): string {
  return `由版本 ${version} 检查`;
}

export function pluginBundle({
  id = 'host-test',
  version = '1.0.0',
  department,
  matters,
  validateBody,
  extraHooks = '',
  extraManifestHooks = {},
  capabilities = { log: true },
  options,
  source,
}: BundleOptions) {
  const body = validateBody ?? `return { issues: [{ pointer: '/formData', message: '${servedMessage(version)}' }] };`;
  return {
    manifest: {
      id,
      version,
      department,
      description: '宿主测试用插件',
      platform: '^0.1',
      matters,
      hooks: { validate: { description: '回答服务的版本' }, ...extraManifestHooks },
      capabilities,
      ...(options ? { options } : {}),
    },
    files: <Record<string, string>>{
      'src/index.ts':
        source ??
        `import { definePlugin } from '@matterflow/plugin-sdk';
import type { Form } from '../forms';

export const plugin = definePlugin<Form>({
  hooks: {
    validate(input, ctx) {
      ${body}
    },
    ${extraHooks}
  },
});
`,
    },
  };
}

/** What intake would hand the host for a matter version that pins `pins`. */
export function hookTarget(matterCode: string, departmentCode: string, pins: HookTarget['pins']): HookTarget {
  return { matterCode, version: 1, matterName: '宿主测试事项', departmentCode, pins };
}

export function validateInput(matterCode: string, departmentCode: string, form: Record<string, unknown> = {}) {
  return {
    matter: { code: matterCode, version: 1, name: '宿主测试事项', departmentCode },
    form,
    answers: {},
    materials: [],
  };
}
