import type { Call, Queryable } from '../kernel';

export type TimerState = 'pending' | 'fired' | 'cancelled';

/** A timer as a handler and a reader see it. */
export interface Timer {
  id: string;
  kind: string;
  /** What it is about, e.g. a case id as text. */
  subject: string;
  /** '' for a kind with one timer per subject; else e.g. yellow | red | overdue. */
  rung: string;
  dueAt: Date;
  payload: Record<string, unknown>;
  state: TimerState;
  firedAt: Date | null;
  attempts: number;
  lastError: string | null;
}

/**
 * Does what the timer is for, inside the transaction that marks it fired (`call.tx`): both commit
 * or neither does. A throw rolls back the handler's writes only; the timer is tried again later.
 */
export type TimerHandler = (call: Call & { tx: Queryable }, timer: Timer) => Promise<void>;

export type TimerHandlers = Readonly<Record<string, TimerHandler>>;

export interface TimerRow {
  id: string;
  kind: string;
  subject: string;
  rung: string;
  due_at: Date;
  payload: Record<string, unknown>;
  state: TimerState;
  fired_at: Date | null;
  attempts: number;
  last_error: string | null;
}

export const TIMER_COLUMNS = 'id::text AS id, kind, subject, rung, due_at, payload, state, fired_at, attempts, last_error';

export function timerOf(row: TimerRow): Timer {
  return {
    id: row.id,
    kind: row.kind,
    subject: row.subject,
    rung: row.rung,
    dueAt: row.due_at,
    payload: row.payload,
    state: row.state,
    firedAt: row.fired_at,
    attempts: row.attempts,
    lastError: row.last_error,
  };
}
