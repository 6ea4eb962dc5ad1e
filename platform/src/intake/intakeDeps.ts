import type { Clock, Db } from '../kernel';

/** What intake's operations use: the store and the one clock. */
export type IntakeDeps = { db: Db; clock: Clock };
