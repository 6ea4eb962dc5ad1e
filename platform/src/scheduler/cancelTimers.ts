import { inTransaction, type Call, type Clock, type Db } from '../kernel';

/**
 * Cancels a subject's pending timers (of one kind, when given): the case was decided, withdrawn or
 * paused. Fired ones stay as they were: they are history. Answers how many were cancelled.
 */
export async function cancelTimers(
  deps: { db: Db; clock: Clock },
  call: Call,
  input: { subject: string; kind?: string },
): Promise<number> {
  return inTransaction(deps.db, call, async (tx) => {
    const { rowCount } = await tx.query(
      `UPDATE timers SET state = 'cancelled', cancelled_at = $1
       WHERE subject = $2 AND state = 'pending' AND ($3::text IS NULL OR kind = $3)`,
      [deps.clock.now(), input.subject, input.kind ?? null],
    );
    return rowCount;
  });
}
