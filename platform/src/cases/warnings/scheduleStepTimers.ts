import type { WorkCalendar } from '@matterflow/schemas';
import type { Call, Clock, Db, Queryable } from '../../kernel';
import { cancelTimers, scheduleTimer } from '../../scheduler';
import { dayStartsAt, deriveStepClock } from '../clock';
import { hasOpenPause, nextDay } from './clockTimers';
import { listOpenStepTimings } from './warningStore';
import { STEP_WARNING_TIMER } from './warningKinds';

/**
 * 环节超时 when it happens, not at the next sweep: each open step of the case gets its timer for
 * the day after its due day (the case's pauses held), and a closed step's pending timer goes. Called
 * after every change of the case's tasks or clock, in that transaction, from the rows just written:
 * the pending timers are cancelled and scheduled again (a cancelled row revives with its new day,
 * a fired one stays fired, so each task warns once). While a special procedure runs no step can be
 * late, so none is scheduled; its end schedules them. The daily sweep stays as the backstop.
 */
export async function scheduleStepTimers(
  deps: { db: Db; clock: Clock },
  call: Call & { tx: Queryable },
  { caseId, calendar, today }: { caseId: number; calendar: WorkCalendar; today: string },
): Promise<void> {
  const subject = String(caseId);
  await cancelTimers(deps, call, { subject, kind: STEP_WARNING_TIMER });
  for (const task of await listOpenStepTimings(call.tx, { afterId: caseId - 1, uptoId: caseId })) {
    if (task.clock && hasOpenPause(task.clock)) return;
    const step = { openedOn: task.openedOn, budgetDays: task.budgetDays };
    const overdueOn = nextDay(deriveStepClock(calendar, step, task.clock?.pauses ?? [], today).due);
    await scheduleTimer(deps, call, {
      kind: STEP_WARNING_TIMER,
      subject,
      rung: task.taskId,
      dueAt: dayStartsAt(overdueOn < today ? today : overdueOn),
      payload: { day: overdueOn },
    });
  }
}
