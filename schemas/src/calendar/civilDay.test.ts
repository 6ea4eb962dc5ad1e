import { describe, expect, it } from 'vitest';
import { addMonths, isCivilDate, toCivilDate, toDayNumber, weekdayOf } from './civilDay';

describe('civil days', () => {
  it('round-trips every day from 1999 to 2031 and agrees with UTC Date', () => {
    const first = toDayNumber('1999-01-01');
    for (let d = first; d < first + 33 * 366; d += 1) {
      const text = toCivilDate(d);
      expect(toDayNumber(text)).toBe(d);
      const utc = new Date(d * 86_400_000);
      if (d % 97 === 0) expect(utc.toISOString().slice(0, 10)).toBe(text);
      if (d % 89 === 0) expect(weekdayOf(d)).toBe(utc.getUTCDay());
    }
  });

  it('refuses what is not a date', () => {
    expect(['2025-02-29', '2025-13-01', '2025-00-10', '2025-1-01', '20250101', ''].some(isCivilDate)).toBe(false);
    expect(isCivilDate('2024-02-29')).toBe(true);
  });

  it('counts months to the corresponding day or the month’s last day (民法典第二百零二条)', () => {
    const plus = (date: string, months: number) => toCivilDate(addMonths(toDayNumber(date), months));
    expect(plus('2025-01-31', 1)).toBe('2025-02-28');
    expect(plus('2024-01-31', 1)).toBe('2024-02-29');
    expect(plus('2025-03-31', 1)).toBe('2025-04-30');
    expect(plus('2025-11-15', 3)).toBe('2026-02-15');
    expect(plus('2025-08-31', 6)).toBe('2026-02-28');
    expect(plus('2025-05-20', 12)).toBe('2026-05-20');
  });
});
