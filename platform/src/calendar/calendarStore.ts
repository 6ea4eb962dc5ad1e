import type { CalendarDay } from '@matterflow/schemas';
import type { Queryable } from '../kernel';

export interface RegionRow {
  code: string;
  parent: string | null;
}

export interface StoredYear {
  region: string;
  year: number;
  holidays: readonly CalendarDay[];
  workdays: readonly CalendarDay[];
  source: string;
  updatedBy: string;
  updatedAt: string;
}

interface YearRow {
  region: string;
  year: number;
  holidays: CalendarDay[] | string;
  workdays: CalendarDay[] | string;
  source: string;
  updated_by: string;
  updated_at: Date | string;
}

// PGlite and pg both parse jsonb; a string would mean a driver that does not.
const days = (value: CalendarDay[] | string): CalendarDay[] =>
  typeof value === 'string' ? (JSON.parse(value) as CalendarDay[]) : value;

const yearOf = (row: YearRow): StoredYear => ({
  region: row.region,
  year: Number(row.year),
  holidays: days(row.holidays),
  workdays: days(row.workdays),
  source: row.source,
  updatedBy: row.updated_by,
  updatedAt: new Date(row.updated_at).toISOString(),
});

export async function listRegions(q: Queryable): Promise<RegionRow[]> {
  return (await q.query<RegionRow>('SELECT code, parent FROM calendar_regions ORDER BY code')).rows;
}

/** Registers a locality under `parent` unless it exists; an existing region keeps its parent. */
export async function ensureRegion(q: Queryable, code: string, parent = 'CN'): Promise<void> {
  await q.query('INSERT INTO calendar_regions (code, parent) VALUES ($1, $2) ON CONFLICT (code) DO NOTHING', [code, parent]);
}

/** Every stored year of the given regions (all regions when omitted). */
export async function listStoredYears(q: Queryable, regions?: readonly string[]): Promise<StoredYear[]> {
  const result = regions
    ? await q.query<YearRow>(
        `SELECT region, year, holidays, workdays, source, updated_by, updated_at FROM calendar_years
         WHERE region = ANY($1) ORDER BY region, year`,
        [regions],
      )
    : await q.query<YearRow>(
        'SELECT region, year, holidays, workdays, source, updated_by, updated_at FROM calendar_years ORDER BY region, year',
      );
  return result.rows.map(yearOf);
}

export async function storedYearNumbers(q: Queryable, region: string): Promise<number[]> {
  const result = await q.query<{ year: number }>('SELECT year FROM calendar_years WHERE region = $1 ORDER BY year', [region]);
  return result.rows.map((row) => Number(row.year));
}

const yearRow = (year: StoredYear) => [
  year.region,
  year.year,
  JSON.stringify(year.holidays),
  JSON.stringify(year.workdays),
  year.source,
  year.updatedBy,
  new Date(year.updatedAt),
];

export async function upsertYear(q: Queryable, year: StoredYear): Promise<void> {
  await q.query(
    `INSERT INTO calendar_years (region, year, holidays, workdays, source, updated_by, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (region, year) DO UPDATE SET holidays = EXCLUDED.holidays, workdays = EXCLUDED.workdays,
       source = EXCLUDED.source, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
    yearRow(year),
  );
}

/** Inserts a year only when the region does not have it yet (seeding never overwrites an edit). */
export async function insertYearIfAbsent(q: Queryable, year: StoredYear): Promise<boolean> {
  const result = await q.query(
    `INSERT INTO calendar_years (region, year, holidays, workdays, source, updated_by, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (region, year) DO NOTHING`,
    yearRow(year),
  );
  return result.rowCount > 0;
}
