import type { WorkCalendar } from '@matterflow/schemas';
import type { ClockPause, ClockReading, ClockState } from './ClockState';
import { DEFAULT_LEVEL_RULES, type LevelRules } from './clockLevel';
import { deriveClock } from './deriveClock';

/** A step's own budget inside the case's: working days from the day its task opened. */
export interface StepTiming {
  openedOn: string;
  budgetDays: number;
  closedOn?: string;
}

/** The step's clock: the case's pauses hold it too, clipped to the step's span by the derivation. */
export function stepClockState(step: StepTiming, casePauses: readonly ClockPause[]): ClockState {
  return {
    budget: { value: step.budgetDays, unit: 'workday' },
    startedOn: step.openedOn,
    pauses: casePauses,
    ...(step.closedOn === undefined ? {} : { stoppedOn: step.closedOn }),
  };
}

/** The same reading as a case's: a step over its budget is 环节超时 (level overdue). */
export function deriveStepClock(
  calendar: WorkCalendar,
  step: StepTiming,
  casePauses: readonly ClockPause[],
  today: string,
  rules: LevelRules = DEFAULT_LEVEL_RULES,
): ClockReading {
  return deriveClock(calendar, stepClockState(step, casePauses), today, rules);
}
