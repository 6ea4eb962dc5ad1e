import type { Clock, Db, PluginHooks } from '../kernel';

/**
 * What the case operations use: the store, the one clock, the region whose working days count, and
 * the department plugins' extension point (without it no plugin is called).
 */
export type CaseDeps = { db: Db; clock: Clock; region: string; plugins?: PluginHooks };
