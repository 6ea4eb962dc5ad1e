import chineseDays from 'chinese-days';
import type { CalendarDay, CalendarYear } from '@matterflow/schemas';
import type { Clock, Db } from '../kernel';
import { ensureRegion, insertYearIfAbsent } from './calendarStore';

/**
 * chinese-days (pinned) has the State Council notices for these years. For a year it has no data
 * for it answers as if the year were plain weeks, without saying so: only these years are read.
 * Raise LAST_LIBRARY_YEAR with the version that adds a year (and its test).
 */
export const FIRST_LIBRARY_YEAR = 2004;
export const LAST_LIBRARY_YEAR = 2026;

const DAY_MS = 86_400_000;

/** The festival's Chinese name from the library's "National Day,国庆节,3". */
function festivalOf(name: string): string | undefined {
  const parts = name.split(',');
  return parts.length >= 2 ? parts[1] : undefined;
}

/** One year as the notice states it: weekday holidays and weekend make-up days, from the library. */
export function libraryYear(year: number): CalendarYear {
  if (year < FIRST_LIBRARY_YEAR || year > LAST_LIBRARY_YEAR) throw new RangeError(`chinese-days has no data for ${year}`);
  // Every notice makes 1 January a holiday: a year without one is a year the library does not know.
  if (festivalOf(chineseDays.getDayDetail(`${year}-01-01`).name) === undefined)
    throw new Error(`chinese-days has no notice for ${year}: check the pinned version`);
  const holidays: CalendarDay[] = [];
  const workdays: CalendarDay[] = [];
  for (let at = Date.UTC(year, 0, 1); at <= Date.UTC(year, 11, 31); at += DAY_MS) {
    const day = new Date(at);
    const date = day.toISOString().slice(0, 10);
    const isWeekend = day.getUTCDay() === 0 || day.getUTCDay() === 6;
    const detail = chineseDays.getDayDetail(date);
    const name = festivalOf(detail.name) ?? '调休';
    if (!isWeekend && !detail.work) holidays.push({ date, name });
    if (isWeekend && detail.work) workdays.push({ date, name });
  }
  return { year, holidays, workdays, source: `国务院办公厅关于${year}年部分节假日安排的通知（chinese-days 1.5.7 数据）` };
}

/**
 * At start: the national calendar for every year the library knows and the store does not (an
 * edited or later-entered year is never overwritten), and the configured region registered under
 * it. Returns the years inserted.
 */
export async function seedCalendars(deps: { db: Db; clock: Clock }, { region }: { region: string }): Promise<number[]> {
  return deps.db.transaction(async (tx) => {
    if (region !== 'CN') await ensureRegion(tx, region);
    const existing = new Set(
      (await tx.query<{ year: number }>(`SELECT year FROM calendar_years WHERE region = 'CN'`)).rows.map((row) =>
        Number(row.year),
      ),
    );
    const inserted: number[] = [];
    for (let year = FIRST_LIBRARY_YEAR; year <= LAST_LIBRARY_YEAR; year += 1) {
      if (existing.has(year)) continue;
      const data = libraryYear(year);
      const stored = { ...data, region: 'CN', updatedBy: 'system', updatedAt: deps.clock.now().toISOString() };
      if (await insertYearIfAbsent(tx, stored)) inserted.push(year);
    }
    return inserted;
  });
}
