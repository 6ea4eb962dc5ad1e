import type { WorkCalendar } from '@matterflow/schemas';
import { loadWorkCalendar } from '../../calendar';
import { inTransaction, type Call, type Queryable } from '../../kernel';
import { scheduleTimer } from '../../scheduler';
import { dayStartsAt, deriveClock, deriveStepClock, type ClockState } from '../clock';
import type { CaseDeps } from '../caseDeps';
import { ensureSweep, hasOpenPause, nextDay } from './clockTimers';
import { listOpenClocks, listOpenStepTimings } from './warningStore';
import { STEP_WARNING_TIMER, WARNING_TIMER, rungName } from './warningKinds';

const LEVELS = ['yellow', 'red', 'overdue'] as const;
const PAGE = 1000;

export interface SweepOutcome {
  cases: number;
  tasks: number;
  /** Timer rows this sweep inserted (or revived); a rung already scheduled or fired is not counted. */
  scheduled: number;
}

/** The rungs a running clock has reached by `day`: yellow before red before overdue. */
function reachedBy(calendar: WorkCalendar, clock: ClockState, day: string): readonly (typeof LEVELS)[number][] {
  const { level } = deriveClock(calendar, clock, day);
  return level === 'normal' ? [] : LEVELS.slice(0, LEVELS.indexOf(level) + 1);
}

/**
 * The daily sweep over every open case: each rung reached today or tomorrow gets its timer (a rung
 * scheduled before, or fired, is left as it is: the unique row), and so does each open step that
 * runs over its own budget by tomorrow (环节超时). It covers what no action scheduled: tasks opened
 * by task actions, cases deemed accepted, cases older than the warnings. Cases with a special
 * procedure running are skipped: their end schedules them. A page of cases per transaction.
 */
export async function sweepCaseWarnings(
  deps: CaseDeps,
  call: Call,
  { page = PAGE }: { page?: number } = {},
): Promise<SweepOutcome> {
  const today = deps.clock.today();
  const tomorrow = nextDay(today);
  const outcome: SweepOutcome = { cases: 0, tasks: 0, scheduled: 0 };
  let afterId = 0;
  for (;;) {
    const done = await inTransaction(deps.db, call, async (tx) => {
      const inTx = { ...call, tx };
      const calendar = await loadWorkCalendar(deps, deps.region, { via: tx });
      const cases = await listOpenClocks(tx, { afterId, limit: page });
      if (cases.length === 0) return true;
      const uptoId = cases.at(-1)?.id ?? afterId;
      for (const { id, clock } of cases) {
        outcome.cases += 1;
        if (hasOpenPause(clock)) continue;
        outcome.scheduled += await scheduleReached(deps, inTx, calendar, { id, clock, today, tomorrow });
      }
      for (const task of await listOpenStepTimings(tx, { afterId, uptoId })) {
        outcome.tasks += 1;
        if (task.clock && hasOpenPause(task.clock)) continue;
        const step = { openedOn: task.openedOn, budgetDays: task.budgetDays };
        const overdueOn = nextDay(deriveStepClock(calendar, step, task.clock?.pauses ?? [], today).due);
        if (overdueOn > tomorrow) continue;
        const dueAt = dayStartsAt(overdueOn < today ? today : overdueOn);
        const { scheduled } = await scheduleTimer(deps, inTx, {
          kind: STEP_WARNING_TIMER,
          subject: String(task.caseId),
          rung: task.taskId,
          dueAt,
          payload: { day: overdueOn },
        });
        if (scheduled) outcome.scheduled += 1;
      }
      afterId = uptoId;
      return cases.length < page;
    });
    if (done) break;
  }
  await inTransaction(deps.db, call, (tx) => ensureSweep(deps, { ...call, tx }, today));
  return outcome;
}

async function scheduleReached(
  deps: CaseDeps,
  call: Call & { tx: Queryable },
  calendar: WorkCalendar,
  { id, clock, today, tomorrow }: { id: number; clock: ClockState; today: string; tomorrow: string },
): Promise<number> {
  const todays = reachedBy(calendar, clock, today);
  const tomorrows = reachedBy(calendar, clock, tomorrow);
  let scheduled = 0;
  for (const level of tomorrows) {
    // A rung reached before today (missed while no timer existed) is due now.
    const day = todays.includes(level) ? today : tomorrow;
    const rung = rungName(level, clock.extension !== undefined);
    const answer = await scheduleTimer(deps, call, {
      kind: WARNING_TIMER,
      subject: String(id),
      rung,
      dueAt: dayStartsAt(day),
      payload: { day },
    });
    if (answer.scheduled) scheduled += 1;
  }
  return scheduled;
}
