import { readFileSync } from 'node:fs';
import { SDK_DIR } from './PluginCheckResult';

const SDK_FILES = ['index.ts', 'generated/hooks.ts'] as const;
let cached: Record<string, string> | undefined;

/** The SDK's own files, keyed by where the check places them (`__sdk__/index.ts`, …). */
export function sdkSources(): Record<string, string> {
  if (cached) return cached;
  const root = new URL('../../../../plugins/sdk/', import.meta.url);
  cached = Object.fromEntries(SDK_FILES.map((file) => [`${SDK_DIR}/${file}`, readFileSync(new URL(file, root), 'utf8')]));
  return cached;
}
