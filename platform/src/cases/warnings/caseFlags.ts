import type { WorkCalendar } from '@matterflow/schemas';
import type { Call, Clock, Db, Queryable } from '../../kernel';
import { scheduleTimer } from '../../scheduler';
import { dayStartsAt, deriveClock, type ClockState } from '../clock';
import { nextDay } from './clockTimers';
import { FLAG_TIMER, type CaseFlag } from './warningKinds';

type TimerDeps = { db: Db; clock: Clock };

/**
 * 体外循环 risk: a case accepted in the platform on which nobody worked in it by the time half its
 * working days are used (at least one) is handled somewhere else, or not at all. Checked when the
 * timer fires, against the timeline.
 */
export const NO_ACTIVITY_SHARE = 0.5;

export async function scheduleFlag(
  deps: TimerDeps,
  call: Call & { tx: Queryable },
  { caseId, flag, dueAt, payload }: { caseId: number; flag: CaseFlag; dueAt: Date; payload: Record<string, unknown> },
): Promise<void> {
  await scheduleTimer(deps, call, { kind: FLAG_TIMER, subject: String(caseId), rung: flag, dueAt, payload });
}

/** The day after which a case with no back-office activity is flagged. */
export function noActivityDay(calendar: WorkCalendar, clock: ClockState, today: string): string {
  const { budgetWorkdays } = deriveClock(calendar, clock, today);
  const days = Math.max(1, Math.ceil(budgetWorkdays * NO_ACTIVITY_SHARE));
  return calendar.addDuration(clock.startedOn, { value: days, unit: 'workday' }).due;
}

export async function scheduleNoActivityFlag(
  deps: TimerDeps,
  call: Call & { tx: Queryable },
  { caseId, calendar, clock, today }: { caseId: number; calendar: WorkCalendar; clock: ClockState; today: string },
): Promise<void> {
  const day = noActivityDay(calendar, clock, today);
  await scheduleFlag(deps, call, { caseId, flag: 'noActivity', dueAt: dayStartsAt(nextDay(day)), payload: { day } });
}
