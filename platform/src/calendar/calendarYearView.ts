import { fail } from '../kernel';
import type { EffectiveDay, Layer, RegionCalendar } from './effectiveCalendar';

/** What GET (and a successful PUT) answers: the year's days that differ from Monday–Friday. */
export interface CalendarYearView {
  region: string;
  parent: string | null;
  year: number;
  holidays: EffectiveDay[];
  workdays: EffectiveDay[];
  /** The nearest layer's: the region's own notice, or the one it inherits. */
  source: string;
  updatedBy: string;
  updatedAt: string;
  layers: Layer[];
}

export function viewOfYear(calendar: RegionCalendar, year: number): CalendarYearView {
  const found = calendar.years.find((y) => y.year === year);
  const last = found?.layers.at(-1);
  if (!found || !last) {
    const years = calendar.years.map((y) => y.year);
    const range = years.length > 0 ? `${years[0]}–${years.at(-1)}` : '无';
    throw fail(
      'CALENDAR_NOT_FOUND',
      { region: calendar.region, year, years },
      `地区 ${calendar.region} 没有 ${year} 年的工作日历（已有年度：${range}）`,
    );
  }
  return {
    region: calendar.region,
    parent: calendar.parent,
    year,
    holidays: found.holidays,
    workdays: found.workdays,
    source: last.source,
    updatedBy: last.updatedBy,
    updatedAt: last.updatedAt,
    layers: found.layers,
  };
}
