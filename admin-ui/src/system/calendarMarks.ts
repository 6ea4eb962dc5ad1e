import type { CalendarDay } from '@matterflow/schemas';

/** A day the notice names: a weekday off (法定节假日) or a weekend worked (调休上班日). */
export interface DayMark {
  kind: 'holiday' | 'makeup';
  name: string;
  /** The region whose notice says so: the one being edited, or the national one it inherits. */
  region: string;
}

export type Marks = ReadonlyMap<string, DayMark>;
export type MarkMode = 'holiday' | 'makeup' | 'plain';

/** What GET /api/calendar/{region}/{year} answers (each day with the region that set it). */
export interface CalendarYearView {
  region: string;
  parent: string | null;
  year: number;
  holidays: (CalendarDay & { region: string })[];
  workdays: (CalendarDay & { region: string })[];
  source: string;
  updatedBy: string;
  updatedAt: string;
  layers: { region: string; source: string; updatedBy: string; updatedAt: string }[];
}

export function marksOf(view: Pick<CalendarYearView, 'holidays' | 'workdays'>): Map<string, DayMark> {
  const marks = new Map<string, DayMark>();
  for (const day of view.holidays) marks.set(day.date, { kind: 'holiday', name: day.name, region: day.region });
  for (const day of view.workdays) marks.set(day.date, { kind: 'makeup', name: day.name, region: day.region });
  return marks;
}

const pad = (n: number) => String(n).padStart(2, '0');
export const civilDate = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;

/** 0 Monday … 6 Sunday: Chinese calendars start the week on Monday. */
export function weekdayOf(date: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
}

export const isWeekendDate = (date: string) => weekdayOf(date) >= 5;

/** The weeks of a month, Monday first, with null before the first and after the last day. */
export function monthWeeks(year: number, month: number): (string | null)[][] {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const cells: (string | null)[] = Array.from({ length: weekdayOf(civilDate(year, month, 1)) }, () => null);
  for (let day = 1; day <= days; day += 1) cells.push(civilDate(year, month, day));
  while (cells.length % 7 !== 0) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, week) => cells.slice(week * 7, week * 7 + 7));
}

/**
 * Marks one day as the clerk chose, or says why not: a holiday is a weekday taken off and a make-up
 * day a weekend worked (anything else changes nothing), and a day the national notice sets is
 * changed in the national calendar, not in a locality's.
 */
export function markDay(
  marks: Marks,
  { date, mode, name, region }: { date: string; mode: MarkMode; name: string; region: string },
): { marks: Marks } | { refusal: string } {
  const existing = marks.get(date);
  if (existing && existing.region !== region)
    return { refusal: `${date} 由 ${existing.region} 的安排规定（${existing.name}），请在 ${existing.region} 中修改` };
  const next = new Map(marks);
  if (mode === 'plain') {
    next.delete(date);
    return { marks: next };
  }
  const isWeekend = isWeekendDate(date);
  if (mode === 'holiday' && isWeekend) return { refusal: `${date} 是周末，本来就不上班，无需标为法定节假日` };
  if (mode === 'makeup' && !isWeekend) return { refusal: `${date} 不是周末，本来就上班，不能标为调休上班日` };
  if (name.trim() === '') return { refusal: '请先填写节日名称（如 国庆节）' };
  next.set(date, { kind: mode, name: name.trim(), region });
  return { marks: next };
}

/** The PUT body: only the edited region's own days, in date order. */
export function calendarBody(marks: Marks, region: string, source: string) {
  const own = [...marks].filter(([, mark]) => mark.region === region).sort(([a], [b]) => a.localeCompare(b));
  const daysOf = (kind: DayMark['kind']) =>
    own.filter(([, mark]) => mark.kind === kind).map(([date, mark]) => ({ date, name: mark.name }));
  return { holidays: daysOf('holiday'), workdays: daysOf('makeup'), source: source.trim() };
}

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];

/** What a day button says to a screen reader: the date, the weekday and what the notice makes it. */
export function describeDate(date: string, mark: DayMark | undefined, region: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const base = `${year}年${month}月${day}日 星期${WEEKDAYS[weekdayOf(date)] ?? ''}`;
  if (!mark) return `${base}，${isWeekendDate(date) ? '周末' : '工作日'}`;
  const what = mark.kind === 'holiday' ? '法定节假日' : '调休上班日';
  return `${base}，${what} ${mark.name}${mark.region === region ? '' : `（${mark.region} 规定）`}`;
}
