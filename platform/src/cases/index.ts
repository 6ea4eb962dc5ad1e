// The case engine's public face: the clock (budget and pause ledger), cases opened at submit,
// acceptance at the window and the timer that deems an unanswered application accepted.
export {
  ACCEPTANCE_PERIOD,
  DEFAULT_LEVEL_RULES,
  acceptanceDeadline,
  caseBudget,
  clockLevel,
  dayStartsAt,
  countedPauses,
  deemedAcceptance,
  deriveClock,
  deriveStepClock,
  rungDays,
  stepClockState,
  type ClockExtension,
  type ClockLevel,
  type ClockPause,
  type ClockReading,
  type ClockState,
  type LevelRules,
  type PauseReason,
  type StepTiming,
  type WarningRung,
} from './clock';
export { caseRoutes } from './http/caseRoutes';
export { caseEventRoutes } from './http/caseEventRoutes';
export { openCase, openMissingCases } from './operations/openCase';
export { actOnCase } from './operations/actOnCase';
export { answerSupplement, SUPPLEMENT_ANSWERERS, type SupplementAnswered } from './operations/answerSupplement';
export { resolveSupplementUpload } from './operations/answerSupplementUpload';
export { readCaseProgress } from './operations/readCaseProgress';
export type { CaseProgress, ProgressEvent, ProgressItem } from './operations/caseProgress';
export type { SupplementAnswerInput } from './operations/answerSupplementItems';
export { actOnTask, TASK_ACTORS, VERIFICATION_TASK_ID } from './operations/actOnTask';
export { completeCase, type CompletionInput } from './operations/completeCase';
export { attachResult, type ResultInput } from './operations/attachResult';
export { resolveResultUpload } from './operations/resolveResultUpload';
export { canOpenCaseResult } from './operations/canOpenCaseResult';
export { listTaskQueue, type QueuedTask } from './operations/listTaskQueue';
export { setGreenChannel, type GreenChannelInput } from './operations/setGreenChannel';
export { setStaffPost } from './operations/setStaffPost';
export { readTask, type TaskView } from './operations/readTask';
export type { TaskActionInput } from './operations/TaskActionInput';
export { getCase, listAcceptanceCases } from './operations/readCases';
export { caseTimerHandlers, deemAcceptance } from './operations/deemAcceptance';
export { ACCEPTANCE_TIMER } from './operations/acceptanceTimer';
export { runClockAction, CLOCK_ACTORS } from './operations/runClockAction';
export { withdrawCase, type WithdrawalInput, type Withdrawn } from './operations/withdrawCase';
export { deemApproval, DEEMED_APPROVER } from './operations/deemApproval';
export { sweepCaseWarnings, type SweepOutcome } from './warnings/sweepCaseWarnings';
export { allowsDeemedApproval } from './warnings/deemedApprovalClock';
export {
  DEEMED_APPROVAL_TIMER,
  FLAG_TIMER,
  STEP_WARNING_TIMER,
  SWEEP_TIMER,
  WARNING_RUNGS,
  WARNING_TIMER,
} from './warnings/warningKinds';
export type { CaseView } from './operations/caseView';
export type { AcceptanceInput, CaseActionInput } from './operations/AcceptanceInput';
export type { CaseDeps } from './caseDeps';
export {
  ACCEPTANCE_ACTIONS,
  CASE_STATUSES,
  CLOCK_ACTIONS,
  CASE_STATUS_LABELS,
  DELIVERY_METHODS,
  REFUSAL_REASONS,
  TASK_ACTIONS,
  type AcceptanceAction,
  type ClockAction,
  type CaseDecision,
  type CaseDelivery,
  type TaskAction,
  type CaseStatus,
  type RefusalReason,
  type SupplementItem,
} from './Case';
