/** One problem found by a step of a plugin version's upload check; `line` and `column` are 1-based (0 when the problem has no place in a file). */
export interface CheckDiagnostic {
  file: string;
  line: number;
  column: number;
  /** `TS2339` from the compiler, `esbuild` from the compile step, else a `plugin.…` code. */
  code: string;
  message: string;
  /** A JSON pointer into plugin.json, for manifest problems. */
  pointer?: string;
}

/** How one of the manifest's examples ran in the sandbox. */
export interface ExampleResult {
  name: string;
  hook: string;
  ok: boolean;
  /** Chinese: why the example failed. */
  message?: string;
}

/** Which step of the check the bundle reached: the first that failed, or the last when all passed. */
export type CheckStage = 'manifest' | 'types' | 'compile' | 'examples';

/** The check's answer as stored with the version and shown to its author. */
export interface CheckResult {
  ok: boolean;
  stage: CheckStage;
  diagnostics: CheckDiagnostic[];
  examples: ExampleResult[];
}
