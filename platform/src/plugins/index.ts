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
