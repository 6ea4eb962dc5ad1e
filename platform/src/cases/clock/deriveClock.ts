import type { Period, WorkCalendar } from '@matterflow/schemas';
import type { ClockReading, ClockState } from './ClockState';
import { clockLevel, DEFAULT_LEVEL_RULES, type LevelRules } from './clockLevel';
import { countedPauses, pausedWithin } from './countedPauses';

const later = (a: string, b: string) => (a > b ? a : b);
const earlier = (a: string, b: string) => (a < b ? a : b);

/** The extension is counted on from the budget's end, in working days for a working-day budget, else in days. */
function extensionPeriod(budget: Period, days: number): Period {
  return { value: days, unit: budget.unit === 'workday' ? 'workday' : 'day' };
}

/**
 * Everything the clock answers for `today`, from what the case stores. An open pause is taken to
 * end today, so while a case is paused its due date moves on day by day; a stopped clock answers as
 * of its stop day, whatever today is.
 */
export function deriveClock(
  calendar: WorkCalendar,
  state: ClockState,
  today: string,
  rules: LevelRules = DEFAULT_LEVEL_RULES,
): ClockReading {
  const asOf = later(state.startedOn, state.stoppedOn === undefined ? today : earlier(state.stoppedOn, today));
  const held = countedPauses(calendar, state.pauses, { startedOn: state.startedOn, stoppedOn: state.stoppedOn, asOf });
  const base = calendar.addDuration(state.startedOn, state.budget, { pauses: held });
  const extended = state.extension
    ? calendar.addDuration(base.due, extensionPeriod(state.budget, state.extension.days), { pauses: held })
    : base;
  const due = extended.due;
  const span = calendar.workdaysBetween(state.startedOn, due);
  const budgetWorkdays = span.workdays - pausedWithin(calendar, held, state.startedOn, due).workdays;
  const sofar = calendar.workdaysBetween(state.startedOn, asOf);
  const pausedSoFar = pausedWithin(calendar, held, state.startedOn, asOf);
  const workdaysUsed = sofar.workdays - pausedSoFar.workdays;
  const ahead = calendar.workdaysBetween(asOf, due);
  const workdaysLeft = ahead.workdays - (asOf < due ? pausedWithin(calendar, held, asOf, due).workdays : 0);
  const stopped = state.stoppedOn !== undefined && state.stoppedOn <= today;
  const isPaused = !stopped && held.some((range) => range.from <= asOf && asOf <= range.to);
  const reading = { asOf, due, budgetWorkdays, workdaysUsed, workdaysLeft };
  const late = stopped && asOf > due;
  return {
    ...reading,
    provisional: base.provisional || extended.provisional || span.provisional || sofar.provisional,
    state: stopped ? 'stopped' : isPaused ? 'paused' : 'running',
    pausedDays: pausedSoFar.days,
    pausedWorkdays: pausedSoFar.workdays,
    // Completion relieves a warning (摘牌); only lateness stays on record.
    level: stopped ? (late ? 'overdue' : 'normal') : clockLevel(reading, rules),
    late,
    countedPauses: held,
  };
}
