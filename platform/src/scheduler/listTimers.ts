import { readerOf, type Call, type Db } from '../kernel';
import { TIMER_COLUMNS, timerOf, type Timer, type TimerRow } from './Timer';

/** A subject's timers in every state, by due time: what the case detail and the tests read. */
export async function listTimers(deps: { db: Db }, call: Call, input: { subject: string }): Promise<Timer[]> {
  const { rows } = await readerOf(deps.db, call).query<TimerRow>(
    `SELECT ${TIMER_COLUMNS} FROM timers WHERE subject = $1 ORDER BY due_at, id`,
    [input.subject],
  );
  return rows.map(timerOf);
}
