import type { Call, Clock, Db, PluginHooks, Queryable } from '../kernel';

/**
 * What intake's operations use: the store and the one clock, and what the composition root asks
 * intake to do besides. `onSubmitted` runs inside the submit's transaction (the case engine opens
 * the case and its acceptance timer there), so a submit that fails leaves neither behind; intake
 * itself knows nothing of cases.
 */
/** What the submit hands the hook: what a case needs of its application, so it is not read again. */
export interface SubmittedApplication {
  id: number;
  number: string;
  departmentCode: string;
  receivedOn: string;
}

export type IntakeDeps = {
  db: Db;
  clock: Clock;
  onSubmitted?: (call: Call & { tx: Queryable }, submitted: SubmittedApplication) => Promise<void>;
  /** Department plugins (the extension point); without it, or for a matter pinning none, intake calls none. */
  plugins?: PluginHooks;
};
