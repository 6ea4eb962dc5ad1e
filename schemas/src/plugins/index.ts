export { hookSchemas, HOOK_NAMES, APPLICANT_FACING_HOOKS, type HookName } from './hookSchemas';
export type { HookInput, HookOutput, PluginFailureKind } from './hookTypes';
export type { CheckDiagnostic, CheckResult, CheckStage, ExampleResult } from './PluginCheck';
