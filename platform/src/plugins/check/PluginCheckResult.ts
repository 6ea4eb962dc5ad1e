/** An upload as the author's `npm run plugin -- pack` writes it: the manifest and the source files by relative path. */
export interface PluginBundle {
  manifest: unknown;
  files: Record<string, string>;
}

/** One problem found by a check step; `line` and `column` are 1-based (0 when the problem has no place in a file). */
export interface CheckDiagnostic {
  file: string;
  line: number;
  column: number;
  /** `TS2339` from the compiler, `esbuild` from the compiler of the compile step, else a `plugin.…` code. */
  code: string;
  message: string;
  /** A JSON pointer into plugin.json, for manifest problems. */
  pointer?: string;
}

export interface ExampleResult {
  name: string;
  hook: string;
  ok: boolean;
  /** Chinese: why the example failed. */
  message?: string;
}

export type CheckStage = 'manifest' | 'types' | 'compile' | 'examples';

/**
 * The check's answer: `stage` is the last step that ran (the failing one when `ok` is false);
 * `compiled` is the esbuild output, present once compiling succeeded.
 */
export interface PluginCheckResult {
  ok: boolean;
  stage: CheckStage;
  diagnostics: CheckDiagnostic[];
  examples: ExampleResult[];
  compiled?: string;
}

export const BUNDLE_LIMITS = { files: 50, totalBytes: 512 * 1024 } as const;

/** Where the SDK sits among the bundle's files during the check, and the name authors import it by. */
export const SDK_SPECIFIER = '@matterflow/plugin-sdk';
export const SDK_DIR = '__sdk__';
