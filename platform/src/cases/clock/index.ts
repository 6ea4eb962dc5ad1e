export type { ClockExtension, ClockLevel, ClockPause, ClockReading, ClockState, PauseReason } from './ClockState';
export { clockLevel, DEFAULT_LEVEL_RULES, type LevelRules } from './clockLevel';
export { countedPauses } from './countedPauses';
export { deriveClock } from './deriveClock';
export { rungDays, type WarningRung } from './rungDays';
export { ACCEPTANCE_PERIOD, acceptanceDeadline, deemedAcceptance } from './acceptanceDeadline';
export { deriveStepClock, stepClockState, type StepTiming } from './stepClock';
export { caseBudget } from './caseBudget';
export { dayStartsAt } from './dayStartsAt';
