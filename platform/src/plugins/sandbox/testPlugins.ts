import { NO_GRANTS, type SandboxRequest } from './SandboxPool';

/** A compiled plugin in the check's shape: an IIFE that sets globalThis.__matterflowPlugin. */
export function pluginCode(hooks: string, prelude = ''): string {
  return `(() => { ${prelude}\nglobalThis.__matterflowPlugin = { hooks: { ${hooks} } }; })();`;
}

let versions = 0;

/** A request for a fresh version (its own context) unless `over.version` says otherwise. */
export function sandboxRequest(hooks: string, over: Partial<SandboxRequest> = {}): SandboxRequest {
  versions += 1;
  return {
    departmentCode: 'D1',
    pluginId: 'id-check',
    version: `1.0.${versions}`,
    code: pluginCode(hooks),
    hook: 'validate',
    input: { form: { name: '张三' } },
    options: { strict: true },
    grants: NO_GRANTS,
    ...over,
  };
}
