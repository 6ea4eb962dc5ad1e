export { schemaToTypeScript } from './check/schemaToTypeScript';
export { renderFormTypes, type MatterForms } from './check/renderFormTypes';
export { checkPluginBundle, FORMS_FILE, type CheckPluginOptions } from './check/checkPluginBundle';
export type { ExampleGrants } from './check/runExamples';
export {
  BUNDLE_LIMITS,
  SDK_SPECIFIER,
  type CheckDiagnostic,
  type CheckStage,
  type ExampleResult,
  type PluginBundle,
  type PluginCheckResult,
} from './check/PluginCheckResult';
export type { PluginManifest } from './check/generated/PluginManifest';
export { createPluginHost, type PluginHost, type PluginHostSettings } from './createPluginHost';
export { pluginRoutes } from './http/pluginRoutes';
export { uploadPlugin, MAX_BUNDLE_BYTES, type CheckBundle } from './operations/uploadPlugin';
export { transitionPluginVersion } from './operations/transitionPluginVersion';
export { putPluginGrants } from './operations/putPluginGrants';
export { getPluginTable, putPluginTable, type TableView } from './operations/pluginTables';
export { listPlugins, getPlugin, getPluginVersion, type PluginSummary } from './operations/readPlugins';
export { getPluginHealth, type VersionHealth, type HookHealth } from './operations/getPluginHealth';
export type { PluginView, VersionView, VersionDetail } from './operations/pluginViews';
export { createSandboxPool } from './sandbox/createSandboxPool';
export type { SandboxPool, SandboxGrants, SandboxRequest, SandboxResult } from './sandbox/SandboxPool';
