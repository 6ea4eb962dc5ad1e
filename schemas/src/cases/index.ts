// The case engine's wire shapes and words, shared by the platform (which answers with them) and the
// workbench and the portal (which read them): one definition, not a twin per app.
export { CASE_STATUSES, CASE_STATUS_LABELS, REFUSAL_REASONS, type CaseStatus, type RefusalReason } from './caseStatuses';
export type { CaseDecision, CaseDelivery, CasePause, CaseResultFile, CaseView, ClockLevel, SupplementItem } from './CaseView';
export type { QueuedTask } from './QueuedTask';
export type { CaseProgress, ProgressDetail, ProgressEvent, ProgressItem } from './CaseProgress';
export {
  DOCUMENT_KINDS,
  DOCUMENT_WORDS,
  documentNumber,
  documentNumberOfCase,
  latestDocument,
  type CaseDocument,
  type DocumentKind,
} from './documentNumbers';
export { decisionTitle, decisionWords, type DecisionFacts, type DecisionOutcome, type DecisionWords } from './decisionWords';
export { noticeOpening, type NoticeAddressee } from './noticeOpening';
export { remediesWords } from './remediesWords';
