import { SYSTEM_ACTOR, type Clock, type Db, type Queryable } from '../kernel';
import { TIMER_COLUMNS, timerOf, type Timer, type TimerHandlers, type TimerRow } from './Timer';

/** After the n-th failed attempt a timer waits 30 s × 2^(n-1), at most an hour: never dropped. */
const FIRST_RETRY_MS = 30_000;
const LAST_RETRY_MS = 3_600_000;

export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), LAST_RETRY_MS);
}

export interface DueTimersOutcome {
  /** Claimed this round (fired or failed). */
  claimed: number;
  fired: number;
  failed: number;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 2000);

/** Runs one timer's handler under a savepoint, so its failure undoes its own writes and nothing else. */
async function fireOne(tx: Queryable, handlers: TimerHandlers, timer: Timer, now: Date): Promise<boolean> {
  await tx.query('SAVEPOINT timer');
  try {
    const handler = handlers[timer.kind];
    if (!handler) throw new Error(`no handler for timer kind ${timer.kind}`);
    await handler({ actor: SYSTEM_ACTOR, tx }, timer);
    await tx.query(`UPDATE timers SET state = 'fired', fired_at = $1, attempts = attempts + 1, last_error = NULL WHERE id = $2`, [
      now,
      timer.id,
    ]);
    await tx.query('RELEASE SAVEPOINT timer');
    return true;
  } catch (error) {
    await tx.query('ROLLBACK TO SAVEPOINT timer');
    const attempts = timer.attempts + 1;
    await tx.query(`UPDATE timers SET attempts = $1, last_error = $2, run_at = $3 WHERE id = $4`, [
      attempts,
      message(error),
      new Date(now.getTime() + retryDelayMs(attempts)),
      timer.id,
    ]);
    return false;
  }
}

/**
 * Fires the timers due by the injected clock, at most `limit`, in one transaction: rows are claimed
 * with FOR UPDATE SKIP LOCKED, so another process polling at the same moment takes other rows and
 * never one of these; each handler writes in this transaction, and its timer is marked fired in it,
 * so the effect and the mark commit together — exactly once, whichever process and however often a
 * crash interrupts. A failing handler is retried later with a back-off instead.
 */
export async function runDueTimers(
  deps: { db: Db; clock: Clock },
  { handlers, limit = 100 }: { handlers: TimerHandlers; limit?: number },
): Promise<DueTimersOutcome> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const { rows } = await tx.query<TimerRow>(
      `SELECT ${TIMER_COLUMNS} FROM timers
       WHERE state = 'pending' AND run_at <= $1
       ORDER BY run_at, id
       LIMIT $2
       FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
    let fired = 0;
    for (const row of rows) if (await fireOne(tx, handlers, timerOf(row), now)) fired += 1;
    return { claimed: rows.length, fired, failed: rows.length - fired };
  });
}
