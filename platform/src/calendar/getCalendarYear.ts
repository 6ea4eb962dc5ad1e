import { readerOf, type Call, type Db } from '../kernel';
import { type CalendarYearView, viewOfYear } from './calendarYearView';
import { readRegionCalendar } from './effectiveCalendar';

/** A region's year as it takes effect (public: the guide and the portal show due dates from it). */
export async function getCalendarYear(
  deps: { db: Db },
  call: Call,
  input: { region: string; year: number },
): Promise<CalendarYearView> {
  return viewOfYear(await readRegionCalendar(readerOf(deps.db, call), input.region), input.year);
}
