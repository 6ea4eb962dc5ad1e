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

/** The region's calendar, cached for the database and, when it must be read, read through `q` (maybe a transaction). */
export function calendarOf(deps: { db: Db } & CatalogSettings, q: Queryable): Promise<WorkCalendar> {
  return loadWorkCalendar(deps, deps.region ?? 'CN', { via: q });
}

/** Everything the rules read besides the matters, through `q`. */
export async function loadQualityContext(
  deps: { db: Db; clock: Clock } & CatalogSettings,
  q: Queryable,
): Promise<Required<QualityContext>> {
  const [knownDepartments, laws, calendar] = [await knownDepartmentCodes(q), await loadLawRegister(q), await calendarOf(deps, q)];
  return { knownDepartments, laws, calendar, today: deps.clock.today() };
}
