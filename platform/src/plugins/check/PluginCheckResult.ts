import type { CheckResult } from '@matterflow/schemas';

export type { CheckDiagnostic, CheckStage, ExampleResult } from '@matterflow/schemas';

/** An upload as the author's `npm run plugin -- pack` writes it: the manifest and the source files by relative path. */
export interface PluginBundle {
  manifest: unknown;
  files: Record<string, string>;
}

/**
 * The check's answer: `stage` is the last step that ran (the failing one when `ok` is false);
 * `compiled` is the esbuild output, present once compiling succeeded.
 */
export interface PluginCheckResult extends CheckResult {
  compiled?: string;
}

export const BUNDLE_LIMITS = { files: 50, totalBytes: 512 * 1024 } as const;

/** Where the SDK sits among the bundle's files during the check, and the name authors import it by. */
export const SDK_SPECIFIER = '@matterflow/plugin-sdk';
export const SDK_DIR = '__sdk__';
