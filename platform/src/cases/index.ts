// The case engine's public face. For now the clock (budget and pause ledger); acceptance and the
// case actions come next.
export {
  ACCEPTANCE_PERIOD,
  DEFAULT_LEVEL_RULES,
  acceptanceDeadline,
  caseBudget,
  clockLevel,
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
