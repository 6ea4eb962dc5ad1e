import type { Actor } from './Actor';
import type { Db, Queryable } from './Db';

/**
 * Who acts, from where, and optionally inside whose transaction. Every operation has the shape
 * `op(deps, call, input)`: `deps` narrowed to what it uses, `call` this, `input` the request.
 */
export interface Call {
  actor: Actor;
  ip?: string | null;
  /** A transaction to join: the operation then runs inside it instead of opening its own. */
  tx?: Queryable;
}

/** Runs `work` in the caller's transaction when there is one, else in a new one. */
export function inTransaction<T>(db: Db, call: Call, work: (tx: Queryable) => Promise<T>): Promise<T> {
  return call.tx ? work(call.tx) : db.transaction(work);
}

/** Where a read goes: the caller's transaction (to see its own writes) or the database. */
export function readerOf(db: Db, call: Call): Queryable {
  return call.tx ?? db;
}

/** The users.id to record, or null for anonymous callers and the system actor. */
export function userIdOf(actor: Actor): number | null {
  return actor.kind === 'user' && actor.userId > 0 ? actor.userId : null;
}
