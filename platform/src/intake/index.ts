export { intakeRoutes } from './http/intakeRoutes';
export { openDraft, type OpenDraftInput } from './operations/openDraft';
export { getDraft, listDrafts, type DraftSummary } from './operations/getDraft';
export { saveDraft, type SaveDraftInput } from './operations/saveDraft';
export { submitDraft } from './operations/submitDraft';
export { getApplication, listApplications, canStaffOpenFile } from './operations/readApplications';
export { resolveUpload } from './operations/resolveUpload';
export { validateApplication, type ApplicationContent, type CheckedApplication } from './validation/validateApplication';
export { buildFormModule } from './forms/buildFormModule';
export { EVENT_TITLES, eventTitle } from './eventTitles';
export type { DraftView, DraftUpgrade, Applicant } from './Draft';
export type { ApplicationView, ApplicationSummary, ApplicationEvent, ApplicationRecord, ReceivedMaterial } from './Application';
// The case engine continues an application: it reads the submitted record (never writes it).
export { findApplicationByNumber } from './store/applicationStore';
export type { SubmittedApplication } from './intakeDeps';
