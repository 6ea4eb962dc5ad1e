import { requireRole, type Call, type Clock, type Db } from '../kernel';
import { listRegions, listStoredYears } from './calendarStore';
import { readRegionCalendar } from './effectiveCalendar';

export interface CalendarWarning {
  code: 'calendar.next_year_missing';
  message: string;
}

export interface CalendarStatus {
  /** The centre's region (MATTERFLOW_REGION). */
  region: string;
  today: string;
  /** The last year the centre's calendar has. */
  lastCoveredYear: number | null;
  regions: { code: string; parent: string | null; years: number[] }[];
  warnings: CalendarWarning[];
}

/** From this month on, next year's notice is due (the State Council publishes it in Oct–Dec). */
const WARN_FROM_MONTH = 11;

/** What would go wrong soon: from November, a missing calendar for next year. */
export async function calendarWarnings(
  deps: { db: Db; clock: Clock },
  { region }: { region: string },
): Promise<CalendarWarning[]> {
  const today = deps.clock.today();
  const year = Number(today.slice(0, 4));
  if (Number(today.slice(5, 7)) < WARN_FROM_MONTH) return [];
  const calendar = await readRegionCalendar(deps.db, region);
  if (calendar.years.some((y) => y.year === year + 1)) return [];
  return [
    {
      code: 'calendar.next_year_missing',
      message: `${region} 尚无 ${year + 1} 年的节假日安排：国务院办公厅通知发布后请录入（PUT /api/calendar/CN/${year + 1}），在此之前跨入 ${year + 1} 年的到期日按周一至周五推算，并标为暂定`,
    },
  ];
}

/** For the system administrator: which years each region has, and what needs entering. */
export async function calendarStatus(
  deps: { db: Db; clock: Clock },
  call: Call,
  { region }: { region: string },
): Promise<CalendarStatus> {
  requireRole(call.actor, ['sysadmin']);
  const regions = await listRegions(deps.db);
  const stored = await listStoredYears(deps.db);
  const calendar = await readRegionCalendar(deps.db, region);
  return {
    region,
    today: deps.clock.today(),
    lastCoveredYear: calendar.years.at(-1)?.year ?? null,
    regions: regions.map((r) => ({
      code: r.code,
      parent: r.parent,
      years: stored.filter((s) => s.region === r.code).map((s) => s.year),
    })),
    warnings: await calendarWarnings(deps, { region }),
  };
}
