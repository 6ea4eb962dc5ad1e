import type { ValidateFunction } from 'ajv';
import { createAjv, hookSchemas, toFieldIssues, type HookName } from '@matterflow/schemas';
import { BoundedCache } from '../../kernel';

/**
 * Whether a plugin's answer is what the platform accepts: the hook's own output schema (compiled
 * once per process) and, when the manifest narrows it, the version's schema (compiled once per
 * version: versions are immutable). Answers the first problem as "pointer message", or null.
 */
export function createOutputCheck(): (
  hook: HookName,
  versionKey: string,
  narrower: object | undefined,
  output: unknown,
) => string | null {
  const ajv = createAjv();
  const own = new Map<HookName, ValidateFunction>();
  const narrowed = new BoundedCache<ValidateFunction>(500);
  const first = (validate: ValidateFunction): string => {
    const [issue] = toFieldIssues(validate.errors);
    return issue ? `${issue.pointer} ${issue.message}` : '不符合要求';
  };
  return (hook, versionKey, narrower, output) => {
    let validate = own.get(hook);
    if (!validate) own.set(hook, (validate = ajv.compile(hookSchemas[hook].output)));
    if (!validate(output)) return first(validate);
    if (!narrower) return null;
    // A narrower schema the check accepted compiles here too; it is keyed by version and hook.
    const narrow = narrowed.getOrCreate(`${versionKey}#${hook}`, () => ajv.compile(narrower));
    return narrow(output) ? null : first(narrow);
  };
}
