export { createAjv } from './createAjv';
export { toFieldIssues, escapePointer, type FieldIssue } from './fieldIssues';
export {
  metaSchemas,
  matterMetaSchema,
  flowMetaSchema,
  lawMetaSchema,
  pluginMetaSchema,
  CURRENT_META_SCHEMA_VERSION,
  type MetaSchemas,
} from './metaSchemas';
export { migrateDocument, documentMigrations, DocumentMigrationError, type DocumentMigration } from './documentMigrations';
export { labelOf, codeList } from './codeLabels';
export { formatDuration, type DurationUnit } from './formatDuration';
export { asObject, asArray, asList, asString, asText, asNumber, at, type JsonObject } from './looseDocument';
export {
  checkCondition,
  formPropertyNames,
  schemaCompileIssues,
  describeCondition,
  evaluateCondition,
  installCompiledCondition,
  type ConditionCodePrefix,
} from './conditions';
export type * from './generated/MatterDocument';
export {
  resolveSituations,
  requirementsFor,
  situationOnlyMaterialIds,
  describeSituation,
  whenMentions,
  type GuideAnswers,
  type SituationResolution,
  type EffectiveMaterial,
  type Requirements,
  type SituationDocument,
  type SituationElement,
  type WaivedMaterial,
  type WhenMention,
} from './situations';
export {
  WorkCalendar,
  shanghaiDate,
  shanghaiTime,
  compareDurations,
  describeExcess,
  COMPARED_YEARS,
  checkCalendarYear,
  isCivilDate,
  toDayNumber,
  toCivilDate,
  addMonths,
  type CalendarDay,
  type CalendarYear,
  type Period,
  type PeriodUnit,
  type DateRange,
  type Pauses,
  type DueDate,
  type WorkdayCount,
  type DayInfo,
  type DayKind,
  type DurationComparison,
} from './calendar';
export {
  uploadRulesFor,
  describeUploadRules,
  materialSlots,
  isUploadable,
  DEFAULT_UPLOAD,
  REQUIREMENT_LABELS,
  type UploadKind,
  type UploadRules,
  type ApplicationSlots,
  type MaterialRequirement,
  type MaterialSlot,
} from './intake';
export {
  checkIdNumber,
  normalizeIdNumber,
  maskIdNumber,
  idNumberCheckCharacter,
  ID_NUMBER_LENGTH,
  PHONE_PATTERN,
  type IdNumberIssue,
  type IdNumberIssueCode,
} from './identity';
export {
  ApiError,
  apiErrorOf,
  networkError,
  requestJson,
  type ApiIssue,
  type RequestOptions,
  type WriteMethod,
} from './apiClient';
export { ROLE_LABELS, MATTER_STATUS_LABELS, roleLabel, statusLabel } from './staffLabels';
export {
  describeChanges,
  formFieldChanges,
  limitWords,
  materialListChanges,
  CHANGE_SECTIONS,
  type ChangeLine,
  type ChangeSection,
  type FormField,
  type ListedMaterial,
} from './changes';
export {
  FLOW_END,
  budgetAgainstPromise,
  buildFlowGraph,
  flowEdges,
  hasEdgeToEnd,
  longestPath,
  nodeBudgetDays,
  nodePointer,
  reachableFrom,
  successors,
  type BudgetAgainstPromise,
  type FlowEdge,
  type FlowGraph,
  type FlowNext,
  type FlowVertex,
  type WeightedPath,
} from './flows';
export {
  CASE_STATUSES,
  CASE_STATUS_LABELS,
  REFUSAL_REASONS,
  type CaseDecision,
  type CaseDelivery,
  type CasePause,
  type CaseProgress,
  type CaseStatus,
  type CaseResultFile,
  type CaseView,
  type ClockLevel,
  type ProgressDetail,
  type ProgressEvent,
  type ProgressItem,
  type QueuedTask,
  type RefusalReason,
  type SupplementItem,
} from './cases';
export {
  hookSchemas,
  HOOK_NAMES,
  APPLICANT_FACING_HOOKS,
  type HookName,
  type HookInput,
  type HookOutput,
  type PluginFailureKind,
} from './plugins';
