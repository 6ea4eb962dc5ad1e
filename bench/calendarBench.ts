import { WorkCalendar, compareDurations, type Period } from '@matterflow/schemas';
import { FIRST_LIBRARY_YEAR, LAST_LIBRARY_YEAR, libraryYear } from '../platform/src/calendar';
import { median } from './stats';

const DAY_MS = 86_400_000;
const CALLS = 20_000;

/** A deterministic spread of start days over the data (2004–2026) and periods of 1–60 working days. */
function cases(): { from: string; value: number }[] {
  const first = Date.UTC(FIRST_LIBRARY_YEAR, 0, 1);
  const days = Math.floor((Date.UTC(LAST_LIBRARY_YEAR, 9, 1) - first) / DAY_MS);
  return Array.from({ length: CALLS }, (_, i) => ({
    from: new Date(first + ((i * 7919) % days) * DAY_MS).toISOString().slice(0, 10),
    value: 1 + ((i * 31) % 60),
  }));
}

/**
 * The baseline: what one would write without the table, walking day by day over a pre-built set of
 * the notices' days off and make-up days. Its due dates must equal the calendar's.
 */
function naiveDue(from: string, value: number, off: ReadonlySet<string>, on: ReadonlySet<string>): string {
  let at = Date.parse(`${from}T00:00:00Z`);
  let left = value;
  let date = from;
  while (left > 0) {
    at += DAY_MS;
    date = new Date(at).toISOString().slice(0, 10);
    const weekday = new Date(at).getUTCDay();
    if (on.has(date) || (!off.has(date) && weekday !== 0 && weekday !== 6)) left -= 1;
  }
  return date;
}

const perCallNs = (ms: number) => (ms * 1e6) / CALLS;

/** Due dates per call against the naive loop, and compareDurations over 10,000 matters. */
export async function runCalendarBench(lines: string[], { runs }: { runs: number }): Promise<void> {
  const years = Array.from({ length: LAST_LIBRARY_YEAR - FIRST_LIBRARY_YEAR + 1 }, (_, i) => libraryYear(FIRST_LIBRARY_YEAR + i));
  const built = performance.now();
  const calendar = new WorkCalendar(years);
  const buildMs = performance.now() - built;
  const off = new Set(years.flatMap((y) => y.holidays.map((d) => d.date)));
  const on = new Set(years.flatMap((y) => y.workdays.map((d) => d.date)));
  const inputs = cases();
  for (const { from, value } of inputs.slice(0, 500))
    if (calendar.addDuration(from, { value, unit: 'workday' }).due !== naiveDue(from, value, off, on))
      throw new Error(`calendar and baseline disagree for ${from} + ${value}`);

  const fast: number[] = [];
  const naive: number[] = [];
  for (let run = 0; run < runs + 1; run += 1) {
    let started = performance.now();
    for (const { from, value } of inputs) calendar.addDuration(from, { value, unit: 'workday' });
    const fastMs = performance.now() - started;
    started = performance.now();
    for (const { from, value } of inputs) naiveDue(from, value, off, on);
    const naiveMs = performance.now() - started;
    // The first run is the warm-up.
    if (run === 0) continue;
    fast.push(perCallNs(fastMs));
    naive.push(perCallNs(naiveMs));
  }

  const matters: [Period, Period][] = Array.from({ length: 10_000 }, (_, i) => [
    { value: 1 + (i % 45), unit: i % 3 === 0 ? 'day' : 'workday' },
    { value: 5 + (i % 55), unit: i % 7 === 0 ? 'month' : i % 2 === 0 ? 'day' : 'workday' },
  ]);
  let started = performance.now();
  for (const [a, b] of matters) compareDurations(a, b, calendar);
  const coldMs = performance.now() - started;
  started = performance.now();
  for (const [a, b] of matters) compareDurations(a, b, calendar);
  const warmMs = performance.now() - started;

  const f = median(fast);
  const n = median(naive);
  lines.push(`## Working-day calendar (2004–2026, ${CALLS} due dates per run, ${runs} runs)`, '');
  lines.push('| measurement | per call | baseline (day-by-day loop over a set of dates) | ratio |', '|---|---|---|---|');
  lines.push(`| due date, 1–60 working days | ${f.toFixed(0)} ns | ${n.toFixed(0)} ns | ${(f / n).toFixed(3)}× |`);
  lines.push('');
  lines.push(
    `Building the calendar: ${buildMs.toFixed(1)} ms. compareDurations for 10,000 matters: ${coldMs.toFixed(0)} ms on a fresh calendar (spans computed once per distinct period), ${warmMs.toFixed(1)} ms cached.`,
    '',
  );
}
