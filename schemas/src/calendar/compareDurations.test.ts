import { describe, expect, it } from 'vitest';
import type { Period } from './CalendarYear';
import { toCivilDate, toDayNumber } from './civilDay';
import { compareDurations } from './compareDurations';
import { stateCouncilNotices } from './stateCouncilNotices.fixture';
import { WorkCalendar } from './WorkCalendar';

const calendar = new WorkCalendar(stateCouncilNotices);
const wd = (value: number): Period => ({ value, unit: 'workday' });
const d = (value: number): Period => ({ value, unit: 'day' });
const m = (value: number): Period => ({ value, unit: 'month' });

/** The definition, by brute force: every start day whose both periods end inside 2024–2026. */
function bruteForce(a: Period, b: Period): { exceeds: boolean; overrun: number } {
  let overrun = -Infinity;
  for (let s = toDayNumber('2024-01-01'); s <= toDayNumber('2026-12-31'); s += 1) {
    const from = toCivilDate(s);
    const aEnds = calendar.addDuration(from, a);
    const bEnds = calendar.addDuration(from, b);
    if (aEnds.provisional || bEnds.provisional) continue;
    overrun = Math.max(overrun, toDayNumber(aEnds.due) - toDayNumber(bEnds.due));
  }
  return { exceeds: overrun > 0, overrun };
}

describe('compareDurations', () => {
  it.each([
    // 6 working days never take fewer than 8 days: a promise of 6 working days overruns 7 days always.
    [wd(6), d(7), true],
    [wd(48), d(60), true],
    [wd(20), d(20), true],
    [wd(16), d(20), true],
    // 5 working days: 7 days in a plain week, 15 from 2026-09-23 (中秋 09-25, then 国庆).
    [wd(5), d(7), true],
    [wd(5), d(15), false],
    [wd(5), d(14), true],
    [wd(10), d(30), false],
    // 5 working days from a Sunday take 5 days: 6 days can end later, 5 cannot.
    [d(5), wd(5), false],
    [d(6), wd(5), true],
    [d(10), wd(10), false],
    // Months: 28–31 days.
    [m(1), d(30), true],
    [m(1), d(31), false],
    [d(28), m(1), false],
    [d(29), m(1), true],
    // 16 working days from 2026-02-14 (春节) end 03-16; a month ends 03-14, a Saturday, so it runs on to
    // 03-16 too (民法典第二百零三条) and never ends earlier. 17 working days do outlast it.
    [wd(16), m(1), false],
    [wd(17), m(1), true],
    [wd(15), m(1), false],
    [m(1), wd(20), true],
    [m(2), wd(30), true],
    [m(2), wd(60), false],
    // The same unit.
    [wd(7), wd(6), true],
    [wd(6), wd(6), false],
    [d(3), d(5), false],
    [m(3), m(2), true],
  ] as const)('%o can exceed %o: %s', (a, b, expected) => {
    const result = compareDurations(a, b, calendar);
    expect(result.exceeds).toBe(expected);
    expect(result.exceeds).toBe(bruteForce(a, b).exceeds);
    expect(result.provisional).toBe(false);
    expect(result.years).toEqual({ from: 2024, to: 2026 });
    if (!expected) expect(result.worstCase).toBeUndefined();
  });

  it('names the start day where a overruns b the most', () => {
    const result = compareDurations(wd(5), d(7), calendar);
    expect(result.worstCase).toBeDefined();
    const { from, aEnds, bEnds } = result.worstCase ?? { from: '', aEnds: '', bEnds: '' };
    expect(calendar.addDuration(from, wd(5)).due).toBe(aEnds);
    expect(calendar.addDuration(from, d(7)).due).toBe(bEnds);
    expect(toDayNumber(aEnds) - toDayNumber(bEnds)).toBe(bruteForce(wd(5), d(7)).overrun);
    // The longest 5 working days of 2024–2026: 2026-09-23 → 10-08 over 中秋 and 国庆, 15 days.
    expect(result.worstCase).toEqual({ from: '2026-09-23', aEnds: '2026-10-08', bEnds: '2026-09-30' });
  });

  it('answers 10,000 comparisons fast once each period’s spans are known', () => {
    const fresh = new WorkCalendar(stateCouncilNotices);
    const started = performance.now();
    for (let i = 0; i < 10_000; i += 1) compareDurations(wd(1 + (i % 60)), d(1 + (i % 90)), fresh);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('is provisional without data, assuming plain weeks', () => {
    const result = compareDurations(wd(5), d(7), new WorkCalendar([]));
    expect(result).toMatchObject({ exceeds: false, provisional: true });
    expect(compareDurations(wd(6), d(7), new WorkCalendar([]))).toMatchObject({ exceeds: true, provisional: true });
  });

  it('is provisional for a period longer than the data', () => {
    expect(compareDurations(wd(900), d(1000), calendar)).toMatchObject({ provisional: true });
  });
});
