export type { Timer, TimerHandler, TimerHandlers, TimerState } from './Timer';
export { scheduleTimer, scheduleTimerFrom, type TimerInput } from './scheduleTimer';
export { cancelTimers } from './cancelTimers';
export { listTimers } from './listTimers';
export { runDueTimers, retryDelayMs, type DueTimersOutcome } from './runDueTimers';
export { startScheduler, type RunningScheduler } from './startScheduler';
