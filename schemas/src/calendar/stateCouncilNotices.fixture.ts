import type { CalendarYear } from './CalendarYear';

/**
 * The State Council General Office notices for 2024–2026 (国务院办公厅关于…年部分节假日安排的通知), as
 * docs/calendar.md cites them, for tests: the calendar and the seeded library data are held to these, date for date.
 */
const NAMES: Record<string, string> = {
  '01': '元旦',
  spring: '春节',
  qingming: '清明',
  labour: '劳动节',
  duanwu: '端午',
  midautumn: '中秋',
  national: '国庆节',
};

type Entry = readonly [string, keyof typeof NAMES];

const holidays: Record<number, readonly Entry[]> = {
  2024: [
    ['01-01', '01'],
    ...(['02-12', '02-13', '02-14', '02-15', '02-16'] as const).map((d) => [d, 'spring'] as const),
    ['04-04', 'qingming'],
    ['04-05', 'qingming'],
    ['05-01', 'labour'],
    ['05-02', 'labour'],
    ['05-03', 'labour'],
    ['06-10', 'duanwu'],
    ['09-16', 'midautumn'],
    ['09-17', 'midautumn'],
    ...(['10-01', '10-02', '10-03', '10-04', '10-07'] as const).map((d) => [d, 'national'] as const),
  ],
  2025: [
    ['01-01', '01'],
    ...(['01-28', '01-29', '01-30', '01-31', '02-03', '02-04'] as const).map((d) => [d, 'spring'] as const),
    ['04-04', 'qingming'],
    ['05-01', 'labour'],
    ['05-02', 'labour'],
    ['05-05', 'labour'],
    ['06-02', 'duanwu'],
    ...(['10-01', '10-02', '10-03', '10-06', '10-07', '10-08'] as const).map((d) => [d, 'national'] as const),
  ],
  2026: [
    ['01-01', '01'],
    ['01-02', '01'],
    ...(['02-16', '02-17', '02-18', '02-19', '02-20', '02-23'] as const).map((d) => [d, 'spring'] as const),
    ['04-06', 'qingming'],
    ['05-01', 'labour'],
    ['05-04', 'labour'],
    ['05-05', 'labour'],
    ['06-19', 'duanwu'],
    ['09-25', 'midautumn'],
    ...(['10-01', '10-02', '10-05', '10-06', '10-07'] as const).map((d) => [d, 'national'] as const),
  ],
};

const workdays: Record<number, readonly Entry[]> = {
  2024: [
    ['02-04', 'spring'],
    ['02-18', 'spring'],
    ['04-07', 'qingming'],
    ['04-28', 'labour'],
    ['05-11', 'labour'],
    ['09-14', 'midautumn'],
    ['09-29', 'national'],
    ['10-12', 'national'],
  ],
  2025: [
    ['01-26', 'spring'],
    ['02-08', 'spring'],
    ['04-27', 'labour'],
    ['09-28', 'national'],
    ['10-11', 'national'],
  ],
  2026: [
    ['01-04', '01'],
    ['02-14', 'spring'],
    ['02-28', 'spring'],
    ['05-09', 'labour'],
    ['09-20', 'national'],
    ['10-10', 'national'],
  ],
};

const days = (year: number, entries: readonly Entry[]) =>
  entries.map(([date, festival]) => ({ date: `${year}-${date}`, name: NAMES[festival] ?? festival }));

export const stateCouncilNotices: readonly CalendarYear[] = [2024, 2025, 2026].map((year) => ({
  year,
  holidays: days(year, holidays[year] ?? []),
  workdays: days(year, workdays[year] ?? []),
  source: `国务院办公厅关于${year}年部分节假日安排的通知`,
}));
