import type { WorkCalendar } from '@matterflow/schemas';
import { cancelTimers, scheduleTimer, type TimerInput } from '../../scheduler';
import type { Call, Clock, Db, Queryable } from '../../kernel';
import { acceptanceDeadline, dayStartsAt } from '../clock';

/** The timer that deems an unanswered application accepted (行政许可法第三十二条). */
export const ACCEPTANCE_TIMER = 'case.acceptance';

/**
 * Schedules it for the start of the day after the acceptance deadline counted from `from` (the
 * receipt, or the day a 补正 answer completed the application): on the deadline itself the window
 * may still answer.
 */
export function acceptanceTimerInput(
  calendar: WorkCalendar,
  { number, from }: { number: string; from: string },
): Omit<TimerInput, 'subject'> {
  const deadline = acceptanceDeadline(calendar, from).due;
  const firesOn = calendar.addDuration(deadline, { value: 1, unit: 'day' }).due;
  return { kind: ACCEPTANCE_TIMER, dueAt: dayStartsAt(firesOn), payload: { number, deadline } };
}

export async function scheduleAcceptanceTimer(
  deps: { db: Db; clock: Clock },
  call: Call & { tx: Queryable },
  calendar: WorkCalendar,
  { caseId, number, from }: { caseId: number; number: string; from: string },
): Promise<void> {
  await scheduleTimer(deps, call, { ...acceptanceTimerInput(calendar, { number, from }), subject: String(caseId) });
}

/** The window answered (or the applicant was asked for more): the deadline no longer runs. */
export async function cancelAcceptanceTimer(deps: { db: Db; clock: Clock }, call: Call, caseId: number): Promise<void> {
  await cancelTimers(deps, call, { subject: String(caseId), kind: ACCEPTANCE_TIMER });
}
