export { hookSchemas, HOOK_NAMES, APPLICANT_FACING_HOOKS, type HookName } from './hookSchemas';
export type { HookInput, HookOutput, PluginFailureKind } from './hookTypes';
