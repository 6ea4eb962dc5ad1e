export { intakeRoutes } from './http/intakeRoutes';
export { openDraft, type OpenDraftInput } from './operations/openDraft';
export { getDraft, listDrafts, type DraftSummary } from './operations/getDraft';
export { saveDraft, type SaveDraftInput } from './operations/saveDraft';
export { submitDraft } from './operations/submitDraft';
export { getApplication, listApplications, canStaffOpenFile, isApplicant } from './operations/readApplications';
export { resolveUpload, uploadRulesOf } from './operations/resolveUpload';
export { amendApplication, type ApplicationAmendment } from './operations/amendApplication';
export { validateApplication, type ApplicationContent, type CheckedApplication } from './validation/validateApplication';
export { buildFormModule } from './forms/buildFormModule';
export { EVENT_TITLES, eventTitle } from './eventTitles';
export { STAFF_ONLY_EVENTS } from './operations/applicationView';
// The extension point's view of a matter version, for the case engine's route and onEvent calls.
export { hookMatter, hookTargetOf } from './plugins/hookTargetOf';
export type { DraftPlugins, FeeLine, Fees, PluginMaterial, PrefillSource } from './plugins/PluginFindings';
export type { DraftView, DraftUpgrade, Applicant } from './Draft';
export type { ApplicationView, ApplicationSummary, ApplicationEvent, ApplicationRecord, ReceivedMaterial } from './Application';
// The case engine continues an application: it reads the submitted record and its timeline; a 补正
// answer changes it only through amendApplication, validated as a submit is.
export { findApplicationByNumber } from './store/applicationStore';
export { listEvents, type EventRecord } from './store/eventStore';
export type { SubmittedApplication } from './intakeDeps';
