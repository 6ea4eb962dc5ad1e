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
export { openCase, openMissingCases } from './operations/openCase';
export { actOnCase } from './operations/actOnCase';
export { getCase, listAcceptanceCases } from './operations/readCases';
export { caseTimerHandlers, deemAcceptance } from './operations/deemAcceptance';
export { ACCEPTANCE_TIMER } from './operations/acceptanceTimer';
export type { CaseView } from './operations/caseView';
export type { AcceptanceInput } from './operations/AcceptanceInput';
export type { CaseDeps } from './caseDeps';
export {
  ACCEPTANCE_ACTIONS,
  CASE_STATUSES,
  CASE_STATUS_LABELS,
  REFUSAL_REASONS,
  type AcceptanceAction,
  type CaseStatus,
  type RefusalReason,
  type SupplementItem,
} from './Case';
