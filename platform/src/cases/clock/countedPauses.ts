import { addMonths, toCivilDate, toDayNumber, type DateRange, type Period, type WorkCalendar } from '@matterflow/schemas';
import type { ClockPause } from './ClockState';

/**
 * The last day a procedure of maximum `max` starting on `from` may hold the clock: the
 * `max.value`-th unit counted from `from` itself (its first day is already paused time).
 */
function lastPausableDay(calendar: WorkCalendar, from: number, max: Period): number {
  const before = from - 1;
  if (max.unit === 'workday') return toDayNumber(calendar.addDuration(toCivilDate(before), max).due);
  if (max.unit === 'month') return addMonths(before, max.value);
  return before + max.value;
}

/**
 * The pause ledger as the date ranges that hold the clock: 补正 never; special procedures from
 * their first day to their last, an open one up to `asOf` (its end is not known yet), each cut at
 * its maximum and to the running span (after the start day, up to the stop day). A closed pause
 * still ahead (a 公示 of fixed length) counts: it moves the due date already. Sorted and merged,
 * since two procedures may run at once (检测 during 公示) and a day is paused once.
 */
export function countedPauses(
  calendar: WorkCalendar,
  pauses: readonly ClockPause[],
  { startedOn, stoppedOn, asOf }: { startedOn: string; stoppedOn?: string; asOf: string },
): DateRange[] {
  const first = toDayNumber(startedOn) + 1;
  const last = stoppedOn === undefined ? Number.POSITIVE_INFINITY : toDayNumber(stoppedOn);
  const ranges: [number, number][] = [];
  for (const pause of pauses) {
    if (pause.reason === 'supplement') continue;
    const from = Math.max(toDayNumber(pause.from), first);
    let to = Math.min(toDayNumber(pause.to ?? asOf), last);
    if (pause.max) to = Math.min(to, lastPausableDay(calendar, toDayNumber(pause.from), pause.max));
    if (to >= from) ranges.push([from, to]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [from, to] of ranges) {
    const previous = merged.at(-1);
    if (previous && from <= previous[1] + 1) previous[1] = Math.max(previous[1], to);
    else merged.push([from, to]);
  }
  return merged.map(([from, to]) => ({ from: toCivilDate(from), to: toCivilDate(to) }));
}

/** Days and working days of `ranges` inside (after, upTo]. */
export function pausedWithin(
  calendar: WorkCalendar,
  ranges: readonly DateRange[],
  after: string,
  upTo: string,
): { days: number; workdays: number } {
  const low = toDayNumber(after);
  const high = toDayNumber(upTo);
  let days = 0;
  let workdays = 0;
  for (const range of ranges) {
    const from = Math.max(toDayNumber(range.from) - 1, low);
    const to = Math.min(toDayNumber(range.to), high);
    if (to <= from) continue;
    days += to - from;
    workdays += calendar.workdaysBetween(toCivilDate(from), toCivilDate(to)).workdays;
  }
  return { days, workdays };
}
