import { WorkCalendar } from '@matterflow/schemas';
import type { Db, Queryable } from '../kernel';
import { readRegionCalendar, toCalendarYears } from './effectiveCalendar';

/**
 * Built calendars, per database and region: building one reads every stored year and fills a table
 * of ~8,400 days, which a quality report over the whole catalog must not repeat per matter. Keyed
 * by the database so test servers in one process never share one; cleared by every PUT.
 */
const cache = new WeakMap<Db, Map<string, Promise<WorkCalendar>>>();

/**
 * The region's working-day calendar (the State Council's, with a locality's own adjustments on
 * top), for other modules: due dates, working-day counts, compareDurations. Throws
 * CALENDAR_NOT_FOUND for a region that is not registered. Inside a transaction pass it as `via`:
 * on PGlite (one connection) a read beside the transaction would wait for it forever; the built
 * calendar is still cached for the database, so the next transaction does not build it again.
 */
export function loadWorkCalendar(deps: { db: Db }, region: string, { via }: { via?: Queryable } = {}): Promise<WorkCalendar> {
  let regions = cache.get(deps.db);
  if (!regions) cache.set(deps.db, (regions = new Map()));
  let calendar = regions.get(region);
  if (!calendar) {
    calendar = readRegionCalendar(via ?? deps.db, region).then((read) => new WorkCalendar(toCalendarYears(read)));
    regions.set(region, calendar);
    // A failed read (unknown region, lost connection) is not remembered.
    calendar.catch(() => regions?.delete(region));
  }
  return calendar;
}

/** After a change: every region may inherit the changed one, so all are rebuilt on next use. */
export function forgetWorkCalendars(deps: { db: Db }): void {
  cache.delete(deps.db);
}
