import type { WorkCalendar } from '@matterflow/schemas';
import { loadWorkCalendar } from '../../calendar';
import { knownDepartmentCodes } from '../../departments';
import type { Clock, Db, Queryable } from '../../kernel';
import { loadLawRegister } from '../../laws';
import type { QualityContext } from './QualityRule';

/** The catalog's settings from composition: the region whose working-day calendar limits are compared on. */
export interface CatalogSettings {
  /** MATTERFLOW_REGION; 'CN' (the national calendar) when none is given. */
  region?: string;
}

/**
 * The region's calendar, read through `q`: inside a transaction the caller's own (PGlite serves
 * one connection, so a read on the pool would wait for the transaction forever); otherwise the
 * calendar module's cached one.
 */
export function calendarOf(deps: { db: Db } & CatalogSettings, q: Queryable): Promise<WorkCalendar> {
  // The calendar module caches per database object; a transaction is its own short-lived key.
  const db = q === deps.db ? deps.db : (q as unknown as Db);
  return loadWorkCalendar({ db }, deps.region ?? 'CN');
}

/** Everything the rules read besides the matters, through `q`. */
export async function loadQualityContext(
  deps: { db: Db; clock: Clock } & CatalogSettings,
  q: Queryable,
): Promise<Required<QualityContext>> {
  const [knownDepartments, laws, calendar] = [await knownDepartmentCodes(q), await loadLawRegister(q), await calendarOf(deps, q)];
  return { knownDepartments, laws, calendar, today: deps.clock.today() };
}
