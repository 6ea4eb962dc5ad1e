import { describe, expect, it } from 'vitest';
import { toCivilDate, toDayNumber, weekdayOf } from './civilDay';
import { stateCouncilNotices } from './stateCouncilNotices.fixture';
import { WorkCalendar } from './WorkCalendar';

const calendar = new WorkCalendar(stateCouncilNotices);

describe('WorkCalendar against the State Council notices 2024–2026', () => {
  for (const notice of stateCouncilNotices) {
    it(`${notice.year}: every listed day, and Monday–Friday on every other day`, () => {
      const off = new Set(notice.holidays.map((day) => day.date));
      const on = new Set(notice.workdays.map((day) => day.date));
      let days = 0;
      for (let d = toDayNumber(`${notice.year}-01-01`); d <= toDayNumber(`${notice.year}-12-31`); d += 1) {
        const date = toCivilDate(d);
        const weekday = weekdayOf(d);
        const expected = on.has(date) || (!off.has(date) && weekday >= 1 && weekday <= 5);
        expect(calendar.isWorkday(date), date).toBe(expected);
        expect(calendar.describeDay(date).provisional).toBe(false);
        days += 1;
      }
      expect(days).toBe(notice.year === 2024 ? 366 : 365);
    });
  }

  it('names the days the notice names', () => {
    expect(calendar.describeDay('2025-10-08')).toEqual({
      date: '2025-10-08',
      isWorkday: false,
      kind: 'holiday',
      name: '国庆节',
      provisional: false,
    });
    expect(calendar.describeDay('2025-09-28')).toMatchObject({ isWorkday: true, kind: 'makeup', name: '国庆节' });
    expect(calendar.describeDay('2025-09-27')).toMatchObject({ isWorkday: false, kind: 'weekend' });
  });

  it('says a day in a year without data is a guess', () => {
    expect(calendar.describeDay('2027-02-08')).toMatchObject({ isWorkday: true, provisional: true });
  });
});

const due = (
  from: string,
  value: number,
  unit: 'workday' | 'day' | 'month',
  pauses?: readonly { from: string; to: string }[] | number,
) => calendar.addDuration(from, { value, unit }, pauses === undefined ? {} : { pauses });

describe('addDuration', () => {
  it.each([
    // The worked example: 09-28 Sun make-up (1), 09-29 (2), 09-30 (3), 10-01..10-08 off, 10-09 (4), 10-10 (5).
    ['2025-09-26', 5, '2025-10-10'],
    ['2025-09-26', 1, '2025-09-28'],
    ['2025-09-30', 1, '2025-10-09'],
    ['2025-10-08', 1, '2025-10-09'],
    ['2025-10-09', 2, '2025-10-11'], // Saturday 10-11 is a make-up day
    ['2025-09-26', 20, '2025-10-30'],
    // 春节 2025: 01-26 Sun make-up, 01-28..02-04 off, 02-08 Sat make-up.
    ['2025-01-24', 1, '2025-01-26'],
    ['2025-01-24', 2, '2025-01-27'],
    ['2025-01-24', 3, '2025-02-05'],
    ['2025-01-27', 4, '2025-02-08'],
    ['2025-01-27', 5, '2025-02-10'],
    // 春节 2026: 02-14 Sat make-up, 02-16..02-23 off, 02-28 Sat make-up.
    ['2026-02-13', 1, '2026-02-14'],
    ['2026-02-13', 2, '2026-02-24'],
    ['2026-02-13', 6, '2026-02-28'],
    ['2026-02-13', 7, '2026-03-02'],
    // 元旦 2026 and its Sunday make-up 01-04.
    ['2025-12-31', 1, '2026-01-04'],
    ['2025-12-31', 2, '2026-01-05'],
    // Zero working days (即办件): due the same day.
    ['2025-10-01', 0, '2025-10-01'],
  ] as const)('%s + %i working days → %s', (from, value, expected) => {
    expect(due(from, value, 'workday')).toEqual({ due: expected, provisional: false });
  });

  it('moves the worked example 2 working days later for 2 working days of 特别程序', () => {
    // 10-11 is a Saturday make-up day: the 6th working day; Monday 10-13 the 7th.
    expect(due('2025-09-26', 5, 'workday', 2)).toEqual({ due: '2025-10-13', provisional: false });
    // The same as dates: expert review on 09-29 and 09-30.
    expect(due('2025-09-26', 5, 'workday', [{ from: '2025-09-29', to: '2025-09-30' }])).toEqual({
      due: '2025-10-13',
      provisional: false,
    });
  });

  it('skips paused ranges that overlap, touch, start before the start day or fall on days off', () => {
    expect(
      due('2025-09-26', 5, 'workday', [
        { from: '2025-09-20', to: '2025-09-28' },
        { from: '2025-10-01', to: '2025-10-09' },
      ]),
    ).toEqual({ due: '2025-10-13', provisional: false });
    // A pause inside the holiday changes nothing.
    expect(due('2025-09-26', 5, 'workday', [{ from: '2025-10-02', to: '2025-10-05' }]).due).toBe('2025-10-10');
    // A pause after the due date changes nothing either.
    expect(due('2025-09-26', 5, 'workday', [{ from: '2025-10-20', to: '2025-10-25' }]).due).toBe('2025-10-10');
    expect(() => due('2025-09-26', 5, 'workday', [{ from: '2025-10-05', to: '2025-10-01' }])).toThrow(RangeError);
  });

  it('counts natural days straight through holidays, with pauses not counting', () => {
    // 民法典第二百零三条: 7 days end on 10-03, inside 国庆, so the period runs on to the first working day after it.
    expect(due('2025-09-26', 7, 'day')).toEqual({ due: '2025-10-09', provisional: false });
    expect(due('2025-09-26', 5, 'day')).toEqual({ due: '2025-10-09', provisional: false });
    expect(due('2025-09-26', 4, 'day')).toEqual({ due: '2025-09-30', provisional: false });
    // A weekend worked by notice is a working day: 2 days from 09-26 end on Sunday 09-28, a make-up day.
    expect(due('2025-09-26', 2, 'day')).toEqual({ due: '2025-09-28', provisional: false });
    // An ordinary weekend: 1 day from Friday 2025-11-07 ends Saturday, so Monday 11-10.
    expect(due('2025-11-07', 1, 'day').due).toBe('2025-11-10');
    expect(due('2025-01-27', 30, 'day')).toEqual({ due: '2025-02-26', provisional: false });
    expect(due('2025-09-26', 7, 'day', [{ from: '2025-09-29', to: '2025-09-30' }]).due).toBe('2025-10-09');
    // Paused working days move a natural-day due date that many working days later.
    expect(due('2025-09-27', 3, 'day', 1).due).toBe('2025-10-09');
  });

  it('counts months to the corresponding day or the month end', () => {
    expect(due('2025-01-31', 1, 'month')).toEqual({ due: '2025-02-28', provisional: false });
    expect(due('2024-01-31', 1, 'month').due).toBe('2024-02-29');
    expect(due('2025-09-15', 3, 'month').due).toBe('2025-12-15');
    // A month with 10 paused days ends 10 days later, on Saturday 10-25, so on Monday 10-27.
    expect(due('2025-09-15', 1, 'month', [{ from: '2025-09-20', to: '2025-09-29' }]).due).toBe('2025-10-27');
    // A month ending inside 春节 2026 (02-16..02-23 off) runs on to 02-24.
    expect(due('2026-01-17', 1, 'month').due).toBe('2026-02-24');
  });

  it('marks an answer that runs into 2027 provisional, and one that starts there', () => {
    expect(due('2026-12-25', 10, 'workday')).toEqual({ due: '2027-01-08', provisional: true });
    expect(due('2027-03-01', 5, 'workday')).toEqual({ due: '2027-03-08', provisional: true });
    expect(due('2026-12-30', 3, 'day').provisional).toBe(true);
    expect(due('2026-12-15', 1, 'month').provisional).toBe(true);
    expect(due('2026-12-01', 20, 'workday').provisional).toBe(false);
  });

  it('assumes plain weeks before the first known year too, and says so', () => {
    expect(due('2023-12-28', 3, 'workday')).toEqual({ due: '2024-01-03', provisional: true });
    expect(due('2023-12-31', 1, 'workday')).toEqual({ due: '2024-01-02', provisional: false });
  });

  it('refuses periods that are not whole numbers ≥ 0 and dates that are not dates', () => {
    expect(() => due('2025-09-26', -1, 'workday')).toThrow(RangeError);
    expect(() => due('2025-09-26', 1.5, 'day')).toThrow(RangeError);
    expect(() => due('2025-02-29', 1, 'day')).toThrow(RangeError);
  });
});

describe('workdaysBetween', () => {
  it('counts working days after the first date up to the second', () => {
    expect(calendar.workdaysBetween('2025-09-26', '2025-10-10')).toEqual({ workdays: 5, provisional: false });
    expect(calendar.workdaysBetween('2025-10-10', '2025-09-26')).toEqual({ workdays: -5, provisional: false });
    expect(calendar.workdaysBetween('2025-10-01', '2025-10-08').workdays).toBe(0);
    expect(calendar.workdaysBetween('2024-01-01', '2024-12-31').workdays).toBe(262 - 19 + 8);
    expect(calendar.workdaysBetween('2026-12-31', '2027-01-04')).toEqual({ workdays: 2, provisional: true });
  });

  it('is the inverse of addDuration over every start day of 2025 and 1–30 working days', () => {
    for (let d = toDayNumber('2025-01-01'); d <= toDayNumber('2025-12-31'); d += 1) {
      const from = toCivilDate(d);
      for (let n = 1; n <= 30; n += 7) {
        const { due: end } = calendar.addDuration(from, { value: n, unit: 'workday' });
        expect(calendar.workdaysBetween(from, end).workdays).toBe(n);
        expect(calendar.isWorkday(end)).toBe(true);
      }
    }
  });
});

describe('an empty calendar', () => {
  it('is plain weeks, every answer provisional', () => {
    const empty = new WorkCalendar([]);
    expect(empty.addDuration('2025-09-26', { value: 5, unit: 'workday' })).toEqual({ due: '2025-10-03', provisional: true });
    expect(empty.workdaysBetween('2025-09-26', '2025-10-03')).toEqual({ workdays: 5, provisional: true });
    expect(empty.lastYear).toBeUndefined();
  });
});
