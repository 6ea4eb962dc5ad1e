import type { WorkCalendar } from '@matterflow/schemas';
import { loadWorkCalendar } from '../../calendar';
import { knownDepartmentCodes } from '../../departments';
import type { Clock, Db, PluginHooks, Queryable } from '../../kernel';
import { loadLawRegister } from '../../laws';
import type { QualityContext } from './QualityRule';

/** The catalog's settings from composition: the region whose working-day calendar limits are compared on, and the plugin check. */
export interface CatalogSettings {
  /** MATTERFLOW_REGION; 'CN' (the national calendar) when none is given. */
  region?: string;
  /** Publishing checks the matter's plugin pins through it; without it, pins are checked only when called. */
  plugins?: Pick<PluginHooks, 'checkPins'>;
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
