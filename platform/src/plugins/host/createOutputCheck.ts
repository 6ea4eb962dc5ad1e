import type { ValidateFunction } from 'ajv';
import { createAjv, hookSchemas, type HookName } from '@matterflow/schemas';
import { createVersionSchemaCheck, firstProblem } from './createVersionSchemaCheck';

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
  const checkNarrower = createVersionSchemaCheck(ajv);
  return (hook, versionKey, narrower, output) => {
    let validate = own.get(hook);
    if (!validate) own.set(hook, (validate = ajv.compile(hookSchemas[hook].output)));
    if (!validate(output)) return firstProblem(validate);
    return narrower ? checkNarrower(`${versionKey}#${hook}`, narrower, output) : null;
  };
}
