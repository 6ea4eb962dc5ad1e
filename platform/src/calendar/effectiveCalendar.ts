import type { CalendarYear } from '@matterflow/schemas';
import { fail, type Queryable } from '../kernel';
import { listRegions, listStoredYears, type RegionRow, type StoredYear } from './calendarStore';

export interface EffectiveDay {
  date: string;
  name: string;
  /** The region whose notice sets this day ('CN' or the locality). */
  region: string;
}

export interface Layer {
  region: string;
  source: string;
  updatedBy: string;
  updatedAt: string;
}

export interface EffectiveYear {
  year: number;
  holidays: EffectiveDay[];
  workdays: EffectiveDay[];
  /** The stored years it is made of, from 'CN' down to the region. */
  layers: Layer[];
}

export interface RegionCalendar {
  region: string;
  parent: string | null;
  /** CN first, the region last. */
  chain: string[];
  /** Years the region's calendar has: those of the national calendar, with each locality's adjustments on top. */
  years: EffectiveYear[];
}

/** The region and its ancestors, root first; undefined for a region not registered. */
function chainOf(regions: readonly RegionRow[], code: string): string[] | undefined {
  const byCode = new Map(regions.map((region) => [region.code, region]));
  const chain: string[] = [];
  for (let at = byCode.get(code); at; at = at.parent === null ? undefined : byCode.get(at.parent)) {
    if (chain.includes(at.code)) break;
    chain.unshift(at.code);
  }
  return chain.length === 0 ? undefined : chain;
}

/**
 * Own adjustments over the parent's: a year exists where the root (the State Council) has it, and
 * each locality adds its days on top (a locality's name wins for a day both list). A locality year
 * stored before the national one waits for it: without the national holidays it would be wrong.
 */
export function composeYears(chain: readonly string[], stored: readonly StoredYear[]): EffectiveYear[] {
  const [root] = chain;
  const byYear = new Map<number, StoredYear[]>();
  for (const row of stored) byYear.set(row.year, [...(byYear.get(row.year) ?? []), row]);
  const years: EffectiveYear[] = [];
  for (const [year, rows] of [...byYear].sort((a, b) => a[0] - b[0])) {
    if (!rows.some((row) => row.region === root)) continue;
    const ordered = chain.flatMap((region) => rows.filter((row) => row.region === region));
    const holidays = new Map<string, EffectiveDay>();
    const workdays = new Map<string, EffectiveDay>();
    for (const row of ordered) {
      for (const day of row.holidays) holidays.set(day.date, { ...day, region: row.region });
      for (const day of row.workdays) workdays.set(day.date, { ...day, region: row.region });
    }
    const sorted = (days: Map<string, EffectiveDay>) => [...days.values()].sort((a, b) => a.date.localeCompare(b.date));
    years.push({
      year,
      holidays: sorted(holidays),
      workdays: sorted(workdays),
      layers: ordered.map(({ region, source, updatedBy, updatedAt }) => ({ region, source, updatedBy, updatedAt })),
    });
  }
  return years;
}

/** A region's effective calendar from the store; CALENDAR_NOT_FOUND (naming the regions there are) for an unknown one. */
export async function readRegionCalendar(q: Queryable, region: string): Promise<RegionCalendar> {
  const regions = await listRegions(q);
  const chain = chainOf(regions, region);
  if (!chain)
    throw fail(
      'CALENDAR_NOT_FOUND',
      { region, regions: regions.map((r) => r.code), years: [] },
      `没有地区 ${region} 的工作日历（已有：${regions.map((r) => r.code).join('、')}）`,
    );
  const parent = regions.find((r) => r.code === region)?.parent ?? null;
  return { region, parent, chain, years: composeYears(chain, await listStoredYears(q, chain)) };
}

export function toCalendarYears(calendar: RegionCalendar): CalendarYear[] {
  return calendar.years.map((year) => ({
    year: year.year,
    holidays: year.holidays,
    workdays: year.workdays,
    source: year.layers.map((layer) => layer.source).join('；'),
  }));
}
