import { HOOK_NAMES, type HookName } from '@matterflow/schemas';

/**
 * Loose readers of the parts of a stored manifest the host acts on. A draft's manifest may be
 * anything the author uploaded (the check judged it), so nothing here trusts its shape.
 */
export function manifestHooks(manifest: Record<string, unknown>): Map<HookName, { output?: Record<string, unknown> }> {
  const hooks = manifest.hooks;
  const found = new Map<HookName, { output?: Record<string, unknown> }>();
  if (typeof hooks !== 'object' || hooks === null || Array.isArray(hooks)) return found;
  for (const [name, spec] of Object.entries(hooks as Record<string, unknown>)) {
    if (!HOOK_NAMES.includes(name as HookName)) continue;
    const output = typeof spec === 'object' && spec !== null ? (spec as { output?: unknown }).output : undefined;
    found.set(
      name as HookName,
      typeof output === 'object' && output !== null ? { output: output as Record<string, unknown> } : {},
    );
  }
  return found;
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/** What the manifest asks for (not what is granted). */
export function manifestCapabilities(manifest: Record<string, unknown>): { calendar: boolean; lookup: string[]; http: string[] } {
  const capabilities = (
    typeof manifest.capabilities === 'object' && manifest.capabilities !== null ? manifest.capabilities : {}
  ) as Record<string, unknown>;
  return { calendar: capabilities.calendar === true, lookup: strings(capabilities.lookup), http: strings(capabilities.http) };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The manifest's options: their schema (none when the plugin declares no options) and defaults. */
export function manifestOptions(manifest: Record<string, unknown>): {
  schema: Record<string, unknown> | undefined;
  defaults: Record<string, unknown>;
} {
  const options = isRecord(manifest.options) ? manifest.options : {};
  return {
    schema: isRecord(options.schema) ? options.schema : undefined,
    defaults: isRecord(options.defaults) ? options.defaults : {},
  };
}
