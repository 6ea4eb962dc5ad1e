import type { CalendarYear, DueDate, Pauses, Period, WorkdayCount } from './CalendarYear';
import { addMonths, dayNumberOf, isWeekend, toCivilDate, toDayNumber, weekdayOf, yearOf } from './civilDay';

/** A Monday before every date we meet, so weekday counts are plain integer arithmetic. */
const MONDAY = dayNumberOf(1969, 12, 29);

/** Mondays–Fridays in [MONDAY, d] (negative before it): differences count weekdays in (a, b]. */
function weekdaysUpTo(d: number): number {
  const x = d - MONDAY;
  const weeks = Math.floor(x / 7);
  return weeks * 5 + Math.min(x - weeks * 7 + 1, 5);
}

/** The day on which weekdaysUpTo first reaches `target`. */
function weekdayNumbered(target: number): number {
  const weeks = Math.floor((target - 1) / 5);
  return MONDAY + weeks * 7 + (target - 1 - weeks * 5);
}

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup';

export interface DayInfo {
  date: string;
  isWorkday: boolean;
  /** holiday: a weekday off by notice; makeup: a weekend day worked by notice. */
  kind: DayKind;
  name?: string;
  /** The calendar has no data for this date's year: Monday–Friday was assumed. */
  provisional: boolean;
}

/**
 * Working days of one region over the years it has data for. Built once (per region, cached by the
 * server) into a table of every day from the first to the last known year, so a due date is two
 * array reads and a count is a subtraction, whatever the period. Outside the table, and in years
 * it does not know, Monday–Friday is assumed and the answer says so (`provisional`): a due date in
 * a year whose notice is not yet entered is a guess and must never pass for a fact.
 */
export class WorkCalendar {
  /** Years with data, ascending. */
  readonly years: readonly number[];
  private readonly known: ReadonlySet<number>;
  private readonly exceptions = new Map<number, { kind: 'holiday' | 'makeup'; name: string }>();
  /** First and last day of the table (1 Jan of the first year, 31 Dec of the last); empty when start > end. */
  readonly tableStart: number;
  readonly tableEnd: number;
  private readonly isContiguous: boolean;
  /** Working days in [tableStart, d], at d - tableStart. */
  private readonly ordinals: Int32Array;
  /** Working days of the table in order, so the k-th one is one read. */
  private readonly workdayList: Int32Array;
  private readonly before: number;
  /** Caches for compareDurations, filled on first use (see compareDurations.ts). */
  readonly spanCache = new Map<string, unknown>();

  constructor(years: readonly CalendarYear[]) {
    this.years = [...new Set(years.map((y) => y.year))].sort((a, b) => a - b);
    this.known = new Set(this.years);
    for (const year of years) {
      for (const day of year.holidays) this.exceptions.set(toDayNumber(day.date), { kind: 'holiday', name: day.name });
      for (const day of year.workdays) this.exceptions.set(toDayNumber(day.date), { kind: 'makeup', name: day.name });
    }
    const first = this.years[0];
    const last = this.years.at(-1);
    this.tableStart = first === undefined ? 0 : dayNumberOf(first, 1, 1);
    this.tableEnd = last === undefined ? -1 : dayNumberOf(last, 12, 31);
    this.isContiguous = first === undefined || last === undefined || last - first + 1 === this.years.length;
    const length = Math.max(0, this.tableEnd - this.tableStart + 1);
    this.ordinals = new Int32Array(length);
    const list: number[] = [];
    for (let i = 0; i < length; i += 1) {
      const d = this.tableStart + i;
      if (this.isWorkdayNumber(d)) list.push(d);
      this.ordinals[i] = list.length;
    }
    this.workdayList = Int32Array.from(list);
    this.before = weekdaysUpTo(this.tableStart - 1);
  }

  /** The last year with data, or undefined for an empty calendar. */
  get lastYear(): number | undefined {
    return this.years.at(-1);
  }

  covers(year: number): boolean {
    return this.known.has(year);
  }

  isWorkday(date: string): boolean {
    return this.isWorkdayNumber(toDayNumber(date));
  }

  describeDay(date: string): DayInfo {
    const d = toDayNumber(date);
    const exception = this.exceptions.get(d);
    const provisional = !this.known.has(yearOf(d));
    if (exception)
      return { date, isWorkday: exception.kind === 'makeup', kind: exception.kind, name: exception.name, provisional };
    const weekend = isWeekend(d);
    return { date, isWorkday: !weekend, kind: weekend ? 'weekend' : 'workday', provisional };
  }

  /**
   * 民法典第二百零一条: the start day does not count. N working days end at the close of the N-th
   * working day after `from`; N days on `from` + N; N months on the same day N months later or that
   * month's last day (第二百零二条). 第二百零三条: a period in days or months whose last day is a
   * weekend or holiday ends on the next working day (a make-up working day is one). Pauses (特别程序)
   * do not count: paused dates are skipped, and a number of paused working days moves the due date
   * that many working days later.
   */
  addDuration(from: string, period: Period, { pauses }: { pauses?: Pauses } = {}): DueDate {
    if (!Number.isInteger(period.value) || period.value < 0)
      throw new RangeError(`a period is a whole number ≥ 0: ${period.value}`);
    const start = toDayNumber(from);
    let due: number;
    if (typeof pauses === 'number' || pauses === undefined || pauses.length === 0) {
      due = this.endDay(start, period);
      const extra = typeof pauses === 'number' ? pauses : 0;
      if (!Number.isInteger(extra) || extra < 0) throw new RangeError(`paused working days are a whole number ≥ 0: ${extra}`);
      if (extra > 0) due = this.nthWorkday(due, extra);
    } else {
      const ranges = mergeRanges(pauses.map((range) => [toDayNumber(range.from), toDayNumber(range.to)] as const));
      due =
        period.unit === 'workday'
          ? this.countSkipping(start, period.value, ranges, 'workday')
          : this.nextWorkdayFrom(
              this.countSkipping(
                start,
                (period.unit === 'day' ? start + period.value : addMonths(start, period.value)) - start,
                ranges,
                'day',
              ),
              start,
            );
    }
    return { due: toCivilDate(due), provisional: !this.isSpanKnown(start, due) };
  }

  /** Working days after `from` up to and including `to` (negative when `to` is earlier). */
  workdaysBetween(from: string, to: string): WorkdayCount {
    const a = toDayNumber(from);
    const b = toDayNumber(to);
    const [low, high] = a <= b ? [a, b] : [b, a];
    const count = this.workdaysUpTo(high) - this.workdaysUpTo(low);
    return { workdays: a <= b ? count : -count, provisional: !this.isSpanKnown(low, high) };
  }

  /** @internal Day number of the end of `period` from day `start`, without pauses. */
  endDay(start: number, period: Period): number {
    if (period.value === 0) return start;
    if (period.unit === 'workday') return this.nthWorkday(start, period.value);
    return this.nextWorkdayFrom(period.unit === 'day' ? start + period.value : addMonths(start, period.value), start);
  }

  /** 民法典第二百零三条: the last day of a period in days or months, moved off a day without work. */
  private nextWorkdayFrom(end: number, start: number): number {
    return end === start || this.isWorkdayNumber(end) ? end : this.nthWorkday(end, 1);
  }

  /** @internal Whether every year of (start, end] has data. */
  isSpanKnown(start: number, end: number): boolean {
    if (end <= start) return true;
    if (this.isContiguous) return start + 1 >= this.tableStart && end <= this.tableEnd;
    for (let year = yearOf(start + 1); year <= yearOf(end); year += 1) if (!this.known.has(year)) return false;
    return true;
  }

  private isWorkdayNumber(d: number): boolean {
    const exception = this.exceptions.get(d);
    if (exception) return exception.kind === 'makeup';
    const weekday = weekdayOf(d);
    return weekday !== 0 && weekday !== 6;
  }

  /** Working days up to and including d, counted from a fixed origin: differences are what matter. */
  private workdaysUpTo(d: number): number {
    if (d < this.tableStart) return weekdaysUpTo(d);
    if (d <= this.tableEnd) return this.before + (this.ordinals[d - this.tableStart] ?? 0);
    return this.before + this.workdayList.length + weekdaysUpTo(d) - weekdaysUpTo(this.tableEnd);
  }

  /** The k-th working day after d (k ≥ 1). */
  private nthWorkday(d: number, k: number): number {
    const target = this.workdaysUpTo(d) + k;
    if (target <= this.before) return weekdayNumbered(target);
    if (target <= this.before + this.workdayList.length) return this.workdayList[target - this.before - 1] ?? 0;
    return weekdayNumbered(target - this.before - this.workdayList.length + weekdaysUpTo(this.tableEnd));
  }

  /** The day on which `units` counted units after `start` are complete, paused ranges not counting. */
  private countSkipping(
    start: number,
    units: number,
    ranges: readonly (readonly [number, number])[],
    kind: 'workday' | 'day',
  ): number {
    if (units === 0) return start;
    const count = (a: number, b: number) => (kind === 'workday' ? this.workdaysUpTo(b) - this.workdaysUpTo(a) : b - a);
    const nth = (a: number, k: number) => (kind === 'workday' ? this.nthWorkday(a, k) : a + k);
    let remaining = units;
    let cursor = start;
    for (const [from, to] of ranges) {
      if (to <= cursor) continue;
      if (from > cursor) {
        const available = count(cursor, from - 1);
        if (available >= remaining) return nth(cursor, remaining);
        remaining -= available;
      }
      cursor = to;
    }
    return nth(cursor, remaining);
  }
}

/** Sorted, overlapping and touching ranges joined; a reversed range is refused. */
function mergeRanges(ranges: readonly (readonly [number, number])[]): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [from, to] of sorted) {
    if (to < from) throw new RangeError(`a pause ends before it starts: ${toCivilDate(from)}..${toCivilDate(to)}`);
    const last = merged.at(-1);
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}
