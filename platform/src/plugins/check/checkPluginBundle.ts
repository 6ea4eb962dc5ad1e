import { readFileSync } from 'node:fs';
import type { SandboxPool } from '../sandbox/SandboxPool';
import { checkManifest } from './checkManifest';
import { compilePlugin } from './compilePlugin';
import type { PluginBundle, PluginCheckResult } from './PluginCheckResult';
import { renderFormTypes, type MatterForms } from './renderFormTypes';
import { runExamples, type ExampleGrants } from './runExamples';
import { sdkSources } from './sdkSources';
import { typeCheck, type TypeCheckLimits } from './typeCheck';

export interface CheckPluginOptions {
  /** Each manifest matter's form JSON Schema (the host passes the latest version's). */
  forms: MatterForms;
  pool: SandboxPool;
  /** Defaults to this platform's package.json version. */
  platformVersion?: string;
  grants?: ExampleGrants;
  typeCheckLimits?: TypeCheckLimits;
}

const PLATFORM_VERSION = (
  JSON.parse(readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/** The forms' types the check writes; the bundle's own copy is ignored, the current schemas win. */
export const FORMS_FILE = 'forms.d.ts';
/** Sources the check compiles: the author's code, not tests or notes. */
const isSource = (path: string) => path.startsWith('src/') && /\.(ts|json)$/.test(path) && !/\.test\.ts$/.test(path);

/**
 * The upload check, in order, stopping at the first step that fails: the manifest, the types
 * (against the SDK and the target matters' current forms), the compile, the examples in the sandbox.
 * Only a version that passes all four can be enabled.
 */
export async function checkPluginBundle(bundle: PluginBundle, options: CheckPluginOptions): Promise<PluginCheckResult> {
  const manifest = checkManifest(bundle, options.forms, options.platformVersion ?? PLATFORM_VERSION);
  if (!manifest.ok) return { ok: false, stage: 'manifest', diagnostics: manifest.diagnostics, examples: [] };

  const own = Object.fromEntries(Object.entries(bundle.files).filter(([path]) => isSource(path)));
  const targetForms = Object.fromEntries(manifest.manifest.matters.map((code) => [code, options.forms[code]]));
  const files = { ...own, [FORMS_FILE]: await renderFormTypes(targetForms), ...sdkSources() };
  const roots = Object.keys(own).filter((path) => path.endsWith('.ts'));
  const typeErrors = await typeCheck({ files, roots }, options.typeCheckLimits);
  if (typeErrors.length) return { ok: false, stage: 'types', diagnostics: typeErrors, examples: [] };

  const compiled = await compilePlugin(files);
  if (!compiled.ok) return { ok: false, stage: 'compile', diagnostics: compiled.diagnostics, examples: [] };

  const examples = await runExamples(manifest.manifest, compiled.code, options.pool, options.grants);
  return { ok: examples.every((example) => example.ok), stage: 'examples', diagnostics: [], examples, compiled: compiled.code };
}
