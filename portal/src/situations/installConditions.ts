import { installCompiledCondition, type MatterDocument } from '@matterflow/schemas';
import equal from 'ajv/dist/runtime/equal';
import ucs2length from 'ajv/dist/runtime/ucs2length';
import { fullFormats } from 'ajv-formats/dist/formats';

type Validator = (data: unknown) => boolean;
export interface ConditionModule {
  version: number;
  conditions: (require: (id: string) => unknown) => Record<string, Validator>;
}

/**
 * A CommonJS helper's function. The bundler's interop may hand a default import over as the whole
 * `exports` object (`{ default: fn }`) instead of the function: generated code calling it then
 * fails with “func1 is not a function” on the first `minLength` it checks.
 */
export function callable(imported: unknown): unknown {
  if (typeof imported === 'function') return imported;
  return (imported as { default?: unknown } | null)?.default;
}

/** The Ajv runtime helpers generated validators may call (see buildConditionModule on the platform). */
const RUNTIME: Record<string, unknown> = {
  'ajv/dist/runtime/equal': { default: callable(equal) },
  'ajv/dist/runtime/ucs2length': { default: callable(ucs2length) },
  'ajv-formats/dist/formats': { fullFormats },
};

/** The `require` a precompiled module (conditions.js, form.js) is handed: only these helpers exist. */
export function requireRuntime(id: string): unknown {
  if (!(id in RUNTIME)) throw new Error(`预编译校验需要未提供的运行库：${id}`);
  return RUNTIME[id];
}

/** The value at a JSON pointer of the document (RFC 6901), or undefined. */
export function atPointer(document: unknown, pointer: string): unknown {
  let value: unknown = document;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/**
 * Installs a version's precompiled validators for the condition objects of this very document,
 * so `resolveSituations` evaluates them without compiling (the page's CSP forbids eval). Returns
 * how many were installed.
 */
export function installConditions(document: MatterDocument, module: ConditionModule, version: number): number {
  if (module.version !== version) throw new Error(`条件模块的版本（${module.version}）与事项版本（${version}）不一致`);
  let count = 0;
  for (const [pointer, validate] of Object.entries(module.conditions(requireRuntime))) {
    const condition = atPointer(document, pointer);
    if (typeof condition !== 'object' || condition === null) continue;
    installCompiledCondition(condition, validate);
    count++;
  }
  return count;
}

/** Loads the module the platform compiled for this version: a same-origin script, allowed by `script-src 'self'`. */
export async function loadConditionModule(url: string): Promise<ConditionModule> {
  return (await import(/* @vite-ignore */ url)) as ConditionModule;
}
