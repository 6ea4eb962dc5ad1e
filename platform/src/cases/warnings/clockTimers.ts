import { toCivilDate, toDayNumber, type MatterDocument, type Situation, type WorkCalendar } from '@matterflow/schemas';
import type { Call, Clock, Db, Queryable } from '../../kernel';
import { cancelTimers, scheduleTimer } from '../../scheduler';
import { dayStartsAt, deriveClock, rungDays, type ClockState } from '../clock';
import { allowsDeemedApproval, deemedApprovalClock } from './deemedApprovalClock';
import { DEEMED_APPROVAL_TIMER, SWEEP_SUBJECT, SWEEP_TIMER, WARNING_TIMER, rungName } from './warningKinds';

type TimerDeps = { db: Db; clock: Clock };
type InTx = Call & { tx: Queryable };

export const nextDay = (day: string) => toCivilDate(toDayNumber(day) + 1);

/** A special procedure still running: the due date moves every day, so no rung can be fixed yet. */
export const hasOpenPause = (clock: ClockState) =>
  clock.pauses.some((pause) => pause.reason !== 'supplement' && pause.to === undefined);

export interface ClockTimerScope {
  caseId: number;
  number: string;
  clock: ClockState | null;
  document: MatterDocument;
  situations: readonly Situation[];
  calendar: WorkCalendar;
  today: string;
}

/** The sweep of the coming day exists: it schedules what no action foresaw (docs/cases.md). */
export async function ensureSweep(deps: TimerDeps, call: InTx, today: string): Promise<void> {
  const day = nextDay(today);
  await scheduleTimer(deps, call, { kind: SWEEP_TIMER, subject: SWEEP_SUBJECT, rung: day, dueAt: dayStartsAt(day) });
}

/**
 * The case's warning rungs (yellow, red, overdue, each on the first day it is reached) and, where
 * the matter allows it, its deemed approval the day after the statutory due date. Nothing while a
 * special procedure runs (its end schedules them) or once the clock stopped.
 */
export async function scheduleClockTimers(deps: TimerDeps, call: InTx, scope: ClockTimerScope): Promise<void> {
  const { clock, calendar, today } = scope;
  if (!clock || clock.stoppedOn !== undefined || hasOpenPause(clock)) return;
  const subject = String(scope.caseId);
  const days = rungDays(calendar, clock, today);
  for (const level of ['yellow', 'red', 'overdue'] as const) {
    const day = days[level];
    if (day === undefined) continue;
    await scheduleTimer(deps, call, {
      kind: WARNING_TIMER,
      subject,
      rung: rungName(level, clock.extension !== undefined),
      dueAt: dayStartsAt(day),
      payload: { day },
    });
  }
  if (allowsDeemedApproval(scope.document)) {
    const due = deriveClock(calendar, deemedApprovalClock(clock, scope.document, scope.situations), today).due;
    await scheduleTimer(deps, call, {
      kind: DEEMED_APPROVAL_TIMER,
      subject,
      dueAt: dayStartsAt(nextDay(due)),
      payload: { due },
    });
  }
  await ensureSweep(deps, call, today);
}

/**
 * The clock moved (a pause began or ended, an extension): the pending rungs and the deemed approval
 * are cancelled and scheduled again from the new state; fired rungs stay fired (history).
 */
export async function refreshClockTimers(deps: TimerDeps, call: InTx, scope: ClockTimerScope): Promise<void> {
  const subject = String(scope.caseId);
  await cancelTimers(deps, call, { subject, kind: WARNING_TIMER });
  await cancelTimers(deps, call, { subject, kind: DEEMED_APPROVAL_TIMER });
  await scheduleClockTimers(deps, call, scope);
}
