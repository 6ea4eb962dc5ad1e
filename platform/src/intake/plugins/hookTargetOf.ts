import type { HookInput } from '@matterflow/schemas';
import type { MatterVersion } from '../../catalog';
import type { HookTarget } from '../../kernel';

/**
 * The extension point's view of a matter version, or undefined when it pins no plugin: then no
 * plugin is called and nothing is read or written on their account.
 */
export function hookTargetOf(
  matter: Pick<MatterVersion, 'code' | 'version' | 'name' | 'departmentCode' | 'document'>,
): HookTarget | undefined {
  const pins = matter.document.plugins ?? [];
  if (pins.length === 0) return undefined;
  return {
    matterCode: matter.code,
    version: matter.version,
    matterName: matter.name,
    departmentCode: matter.departmentCode,
    pins,
  };
}

/** The `matter` every hook's input carries. */
export function hookMatter(target: HookTarget): HookInput<'validate'>['matter'] {
  return { code: target.matterCode, version: target.version, name: target.matterName, departmentCode: target.departmentCode };
}
