import { WorkCalendar } from '@matterflow/schemas';
import { FIRST_LIBRARY_YEAR, LAST_LIBRARY_YEAR, libraryYear } from '../platform/src/calendar';
import { deriveClock, type ClockState } from '../platform/src/cases';
import { median } from './stats';

const DAY_MS = 86_400_000;
const CASES = 20_000;

const civil = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Open cases as a workbench lists them: accepted on a spread of days of 2025–2026, budgets of 1–60
 * working days (every fifth in natural days), a third with a closed 特别程序 pause, a tenth with one
 * still open, a twentieth extended; read on a fixed "today".
 */
function openCases(): { state: ClockState; today: string }[] {
  const first = Date.UTC(2025, 0, 2);
  return Array.from({ length: CASES }, (_, i) => {
    const startedAt = first + ((i * 7919) % 600) * DAY_MS;
    const pauseFrom = startedAt + (2 + (i % 5)) * DAY_MS;
    const pauses =
      i % 3 === 0
        ? [{ reason: 'expertReview' as const, from: civil(pauseFrom), to: civil(pauseFrom + (1 + (i % 9)) * DAY_MS) }]
        : i % 10 === 1
          ? [{ reason: 'inspection' as const, from: civil(pauseFrom) }]
          : [];
    return {
      state: {
        budget: { value: 1 + ((i * 31) % 60), unit: i % 5 === 0 ? ('day' as const) : ('workday' as const) },
        startedOn: civil(startedAt),
        pauses,
        ...(i % 20 === 2 ? { extension: { days: 10, approvedBy: 'chief', approvedAt: civil(startedAt) } } : {}),
      },
      today: civil(startedAt + (3 + (i % 40)) * DAY_MS),
    };
  });
}

const perCallNs = (ms: number) => (ms * 1e6) / CASES;

/**
 * Issue 9: deriving a case's due date, days left and warning level (the clock: budget plus pause
 * ledger) against the bare due-date arithmetic it is built on — one `addDuration` per case.
 */
export function runCaseClockBench(lines: string[], { runs }: { runs: number }): void {
  const years = Array.from({ length: LAST_LIBRARY_YEAR - FIRST_LIBRARY_YEAR + 1 }, (_, i) => libraryYear(FIRST_LIBRARY_YEAR + i));
  const calendar = new WorkCalendar(years);
  const inputs = openCases();
  const derived: number[] = [];
  const bare: number[] = [];
  let levels = 0;
  for (let run = 0; run < runs + 1; run += 1) {
    let started = performance.now();
    for (const { state, today } of inputs) if (deriveClock(calendar, state, today).level !== 'normal') levels += 1;
    const derivedMs = performance.now() - started;
    started = performance.now();
    for (const { state } of inputs) calendar.addDuration(state.startedOn, state.budget);
    const bareMs = performance.now() - started;
    if (run === 0) continue;
    derived.push(perCallNs(derivedMs));
    bare.push(perCallNs(bareMs));
  }
  const d = median(derived);
  const b = median(bare);
  lines.push(`## The case clock (issue 9: ${CASES} open cases per run, ${runs} runs)`, '');
  lines.push('| measurement | per case | baseline (one bare due date) | ratio |', '|---|---|---|---|');
  lines.push(
    `| due date, days left and level (a third paused, a tenth paused now, a twentieth extended) | ${d.toFixed(0)} ns | ${b.toFixed(0)} ns | ${(d / b).toFixed(2)}× |`,
  );
  lines.push('', `Cases read as yellow, red or overdue: ${Math.round(levels / (runs + 1))} of ${CASES}.`, '');
}
