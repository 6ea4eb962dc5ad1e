import { inTransaction, type Call, type Clock, type Db } from '../kernel';

export interface TimerInput {
  kind: string;
  subject: string;
  rung?: string;
  dueAt: Date;
  payload?: Record<string, unknown>;
}

/** The upsert below, with `subject` an expression and `from` what it is selected from; $n… the values of `valuesOf`. */
const upsert = (subject: string, from: string, n: number) =>
  `INSERT INTO timers (kind, subject, rung, due_at, run_at, payload, created_at)
   SELECT $${n}, ${subject}, $${n + 1}, $${n + 2}::timestamptz, $${n + 2}::timestamptz, $${n + 3}::jsonb, $${n + 4}::timestamptz${from}
   ON CONFLICT (kind, subject, rung) DO UPDATE
     SET due_at = EXCLUDED.due_at, run_at = EXCLUDED.run_at, payload = EXCLUDED.payload,
         created_at = EXCLUDED.created_at, state = 'pending', cancelled_at = NULL, attempts = 0, last_error = NULL
     WHERE timers.state = 'cancelled'`;

const valuesOf = (deps: { clock: Clock }, input: Omit<TimerInput, 'subject'>) => [
  input.kind,
  input.rung ?? '',
  input.dueAt,
  JSON.stringify(input.payload ?? {}),
  deps.clock.now(),
];

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
    const { rowCount } = await tx.query(upsert('$1', '', 2), [input.subject, ...valuesOf(deps, input)]);
    return { scheduled: rowCount > 0 };
  });
}

/**
 * The same timer for each row a statement of the caller's (`source`, typically an INSERT …
 * RETURNING id) yields, its subject that row's `id`, in one statement with it: the caller's write
 * and its timers are one round trip. Answers the subjects scheduled.
 */
export async function scheduleTimerFrom(
  deps: { db: Db; clock: Clock },
  call: Call,
  source: { sql: string; params: unknown[] },
  input: Omit<TimerInput, 'subject'>,
): Promise<string[]> {
  return inTransaction(deps.db, call, async (tx) => {
    const sql = `WITH source AS (${source.sql}) ${upsert('source.id::text', ' FROM source', source.params.length + 1)} RETURNING subject`;
    const { rows } = await tx.query<{ subject: string }>(sql, [...source.params, ...valuesOf(deps, input)]);
    return rows.map((row) => row.subject);
  });
}
