import type { Period } from './CalendarYear';
import { dayNumberOf, toCivilDate } from './civilDay';
import type { WorkCalendar } from './WorkCalendar';

export interface DurationComparison {
  /** Some start date in the years the calendar knows makes `a` end later than `b`. */
  exceeds: boolean;
  /** When `exceeds`: the start date where `a` overruns `b` the most, and where each ends. */
  worstCase?: { from: string; aEnds: string; bEnds: string };
  /** Plain weeks were assumed: the calendar knows no year, or no start day's period ends inside its data. */
  provisional: boolean;
  /** The start years the answer covers. */
  years: { from: number; to: number };
}

interface Extremes {
  /** No start day had its end inside the known years: plain weeks past the data were assumed. */
  guessed: boolean;
  min: number;
  minFrom: number;
  max: number;
  maxFrom: number;
}

/** Without data, a 28-year cycle of plain weeks: every weekday/date pattern there is. */
const FALLBACK = { first: dayNumberOf(2001, 1, 1), last: dayNumberOf(2028, 12, 31) };

/**
 * Start days are taken from the last COMPARED_YEARS years the calendar knows. Limits are compared for
 * cases still to come, which meet the current pattern of notices, not 2004's three golden weeks or
 * 2020's emergency extension of 春节; when next year's notice is entered, the window moves with it.
 */
export const COMPARED_YEARS = 3;

function startRange(calendar: WorkCalendar): { first: number; last: number } {
  const lastYear = calendar.lastYear;
  if (lastYear === undefined) return FALLBACK;
  return { first: Math.max(calendar.tableStart, dayNumberOf(lastYear - COMPARED_YEARS + 1, 1, 1)), last: calendar.tableEnd };
}

/**
 * Calls `visit(start, end)` for each start day in the range whose period ends inside the known
 * years (a start near the end of the data whose period runs past it would rest on a guess).
 */
function eachStart(
  calendar: WorkCalendar,
  period: Period,
  visit: (start: number, end: number) => void,
  { isStrict = true }: { isStrict?: boolean } = {},
): number {
  const { first, last } = startRange(calendar);
  const isGuessing = calendar.years.length === 0 || !isStrict;
  let visited = 0;
  for (let start = first; start <= last; start += 1) {
    const end = calendar.endDay(start, period);
    if (!isGuessing && end > last) break;
    if (!isGuessing && !calendar.isSpanKnown(start, end)) continue;
    visit(start, end);
    visited += 1;
  }
  return visited;
}

/** Shortest and longest calendar span of `period` over all start days, computed once per calendar. */
function spanExtremes(calendar: WorkCalendar, period: Period): Extremes {
  const key = `span:${period.unit}:${period.value}`;
  const cached = calendar.spanCache.get(key) as Extremes | undefined;
  if (cached) return cached;
  const extremes: Extremes = { guessed: false, min: Infinity, minFrom: 0, max: -Infinity, maxFrom: 0 };
  const visit = (start: number, end: number) => {
    const span = end - start;
    if (span < extremes.min) Object.assign(extremes, { min: span, minFrom: start });
    if (span > extremes.max) Object.assign(extremes, { max: span, maxFrom: start });
  };
  // A period longer than the data can hold is still answered, marked as a guess.
  if (eachStart(calendar, period, visit) === 0) {
    extremes.guessed = true;
    eachStart(calendar, period, visit, { isStrict: false });
  }
  calendar.spanCache.set(key, extremes);
  return extremes;
}

/** The start day where a ends latest after b (largest end(a) - end(b)), over both periods' starts. */
function largestOverrun(calendar: WorkCalendar, a: Period, b: Period): { overrun: number; from: number } {
  const key = `pair:${a.unit}:${a.value}:${b.unit}:${b.value}`;
  const cached = calendar.spanCache.get(key) as { overrun: number; from: number } | undefined;
  if (cached) return cached;
  const found = { overrun: -Infinity, from: 0 };
  const longer = spanExtremes(calendar, a).max >= spanExtremes(calendar, b).max ? a : b;
  const visit = (start: number) => {
    const overrun = calendar.endDay(start, a) - calendar.endDay(start, b);
    if (overrun > found.overrun) Object.assign(found, { overrun, from: start });
  };
  if (eachStart(calendar, longer, visit) === 0) eachStart(calendar, longer, visit, { isStrict: false });
  calendar.spanCache.set(key, found);
  return found;
}

/**
 * Whether period `a` can end later than period `b` when both start on the same day, for any start
 * day in the recent years the calendar knows (COMPARED_YEARS): e.g. a promised 6 working days against a statutory 7 days
 * (it can: 6 working days never take fewer than 8 days). Spans are computed once per period and
 * calendar, so a quality report over 10,000 matters pays for each distinct period once.
 */
export function compareDurations(a: Period, b: Period, calendar: WorkCalendar): Readonly<DurationComparison> {
  // The answer itself is kept too: a catalog repeats the same few pairs of limits thousands of times.
  const key = `cmp:${a.unit}:${a.value}:${b.unit}:${b.value}`;
  const cached = calendar.spanCache.get(key) as DurationComparison | undefined;
  if (cached) return cached;
  const answer = Object.freeze(compare(a, b, calendar));
  calendar.spanCache.set(key, answer);
  return answer;
}

function compare(a: Period, b: Period, calendar: WorkCalendar): DurationComparison {
  const { first, last } = startRange(calendar);
  const guessed = [a, b].some((period) => spanExtremes(calendar, period).guessed);
  const base = {
    provisional: calendar.years.length === 0 || guessed,
    years: { from: yearOfStart(first), to: yearOfStart(last) },
  };
  const answer = (from: number | undefined): DurationComparison =>
    from === undefined
      ? { exceeds: false, ...base }
      : {
          exceeds: true,
          worstCase: {
            from: toCivilDate(from),
            aEnds: toCivilDate(calendar.endDay(from, a)),
            bEnds: toCivilDate(calendar.endDay(from, b)),
          },
          ...base,
        };
  // Working days against working days: a longer count always ends later, a shorter or equal one never.
  if (a.unit === 'workday' && b.unit === 'workday') return answer(a.value > b.value ? firstStart(calendar, a) : undefined);
  // Otherwise both spans vary with the start day (a period in days or months that ends on a day
  // without work runs on to the next working day, 民法典第二百零三条), so compare them start by
  // start, unless a's longest span cannot reach b's shortest.
  if (spanExtremes(calendar, a).max <= spanExtremes(calendar, b).min) return answer(undefined);
  const found = largestOverrun(calendar, a, b);
  return answer(found.overrun > 0 ? found.from : undefined);
}

/** The first start day whose period ends inside the data: any start shows a longer same-unit period. */
function firstStart(calendar: WorkCalendar, period: Period): number {
  const { first } = startRange(calendar);
  for (let start = first; start < first + 366; start += 1)
    if (calendar.isSpanKnown(start, calendar.endDay(start, period))) return start;
  return first;
}

function yearOfStart(day: number): number {
  return Number(toCivilDate(day).slice(0, 4));
}
