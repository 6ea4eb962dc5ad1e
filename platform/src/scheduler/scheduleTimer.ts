import { inTransaction, type Call, type Clock, type Db } from '../kernel';

export interface TimerInput {
  kind: string;
  subject: string;
  rung?: string;
  dueAt: Date;
  payload?: Record<string, unknown>;
}

/**
 * Schedules a timer unless one with the same kind, subject and rung is pending or has fired: a
 * retried action or a second warning sweep never makes a second row, and a rung that has fired
 * never fires again. A cancelled one is scheduled anew (a pause cancels the warnings, the end of
 * the pause sets them again with later dates). Answers whether this call scheduled it.
 */
export async function scheduleTimer(
  deps: { db: Db; clock: Clock },
  call: Call,
  input: TimerInput,
): Promise<{ scheduled: boolean }> {
  return inTransaction(deps.db, call, async (tx) => {
    const { rowCount } = await tx.query(
      `INSERT INTO timers (kind, subject, rung, due_at, run_at, payload, created_at)
       VALUES ($1, $2, $3, $4, $4, $5, $6)
       ON CONFLICT (kind, subject, rung) DO UPDATE
         SET due_at = EXCLUDED.due_at, run_at = EXCLUDED.run_at, payload = EXCLUDED.payload,
             created_at = EXCLUDED.created_at, state = 'pending', cancelled_at = NULL, attempts = 0, last_error = NULL
         WHERE timers.state = 'cancelled'`,
      [input.kind, input.subject, input.rung ?? '', input.dueAt, JSON.stringify(input.payload ?? {}), deps.clock.now()],
    );
    return { scheduled: rowCount > 0 };
  });
}
