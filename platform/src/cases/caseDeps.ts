import type { Clock, Db } from '../kernel';

/** What the case operations use: the store, the one clock and the region whose working days count. */
export type CaseDeps = { db: Db; clock: Clock; region: string };
