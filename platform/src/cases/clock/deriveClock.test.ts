import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '@matterflow/schemas';
import { libraryYear } from '../../calendar';
import type { ClockPause, ClockState } from './ClockState';
import { deriveClock } from './deriveClock';
import { rungDays } from './rungDays';

// The seeded national calendar (chinese-days) for the years these cases cross.
const calendar = new WorkCalendar([2024, 2025, 2026].map(libraryYear));

/** Accepted Friday 2025-09-26 with 5 working days promised: the worked example of docs/calendar.md. */
const workedExample = (more: Partial<ClockState> = {}): ClockState => ({
  budget: { value: 5, unit: 'workday' },
  startedOn: '2025-09-26',
  pauses: [],
  ...more,
});
const expertReview = (from: string, to?: string, more: Partial<ClockPause> = {}): ClockPause => ({
  reason: 'expertReview',
  from,
  ...(to === undefined ? {} : { to }),
  ...more,
});

describe('the due date', () => {
  it('is the worked example: 国庆 2025 with its make-up Sunday 09-28', () => {
    expect(deriveClock(calendar, workedExample(), '2025-09-26')).toMatchObject({
      due: '2025-10-10',
      provisional: false,
      budgetWorkdays: 5,
      workdaysUsed: 0,
      workdaysLeft: 5,
      state: 'running',
    });
  });

  it('moves 2 working days later over 2 working days of expert review, onto the make-up Saturday 10-11 and 10-13', () => {
    const reading = deriveClock(calendar, workedExample({ pauses: [expertReview('2025-09-29', '2025-09-30')] }), '2025-10-01');
    expect(reading).toMatchObject({ due: '2025-10-13', budgetWorkdays: 5, pausedDays: 2, pausedWorkdays: 2, workdaysUsed: 1 });
  });

  it('crosses 春节 2026 and counts its make-up Saturdays 02-14 and 02-28', () => {
    const beforeFestival = { budget: { value: 5, unit: 'workday' }, startedOn: '2026-02-12', pauses: [] } as const;
    // 02-13 (1), 02-14 make-up (2), 02-15..02-23 off, 02-24 (3), 02-25 (4), 02-26 (5).
    expect(deriveClock(calendar, beforeFestival, '2026-02-12').due).toBe('2026-02-26');
    // 02-25 (1), 02-26 (2), 02-27 (3), 02-28 make-up (4), 03-02 (5).
    expect(deriveClock(calendar, { ...beforeFestival, startedOn: '2026-02-24' }, '2026-02-24').due).toBe('2026-03-02');
    // On the festival the days left do not move: no working day passes.
    expect(deriveClock(calendar, beforeFestival, '2026-02-15').workdaysLeft).toBe(3);
    expect(deriveClock(calendar, beforeFestival, '2026-02-23').workdaysLeft).toBe(3);
  });

  it('counts a natural-day matter in days, pauses in days, and ends it on a working day (民法典第二百零三条)', () => {
    const natural: ClockState = { budget: { value: 20, unit: 'day' }, startedOn: '2025-09-26', pauses: [] };
    expect(deriveClock(calendar, natural, '2025-09-26').due).toBe('2025-10-16');
    // Seven days would end on 10-03, inside 国庆: they end on 10-09.
    expect(deriveClock(calendar, { ...natural, budget: { value: 7, unit: 'day' } }, '2025-09-26').due).toBe('2025-10-09');
    // Two paused days: 10-18 is a Saturday, so 10-20; the make-up Sunday 09-28 was a paused working day.
    const paused = deriveClock(calendar, { ...natural, pauses: [expertReview('2025-09-28', '2025-09-29')] }, '2025-10-01');
    expect(paused).toMatchObject({ due: '2025-10-20', pausedDays: 2, pausedWorkdays: 2, budgetWorkdays: 10 });
  });

  it('counts an open pause to today, and says the clock is paused', () => {
    const reading = deriveClock(calendar, workedExample({ pauses: [expertReview('2025-09-29')] }), '2025-10-09');
    // 09-28 (1), paused 09-29..10-09, 10-10 (2), 10-11 (3), 10-13 (4), 10-14 (5).
    expect(reading).toMatchObject({
      due: '2025-10-14',
      state: 'paused',
      pausedDays: 11,
      pausedWorkdays: 3,
      workdaysUsed: 1,
      workdaysLeft: 4,
      level: 'normal',
    });
    // A day later it is still paused and the due date has moved on by that working day.
    expect(deriveClock(calendar, workedExample({ pauses: [expertReview('2025-09-29')] }), '2025-10-10').due).toBe('2025-10-15');
  });

  it('stops holding the clock once a procedure passes its maximum', () => {
    const overlong = expertReview('2025-09-29', '2025-10-10', { max: { value: 2, unit: 'workday' } });
    const reading = deriveClock(calendar, workedExample({ pauses: [overlong] }), '2025-10-13');
    expect(reading.countedPauses).toEqual([{ from: '2025-09-29', to: '2025-09-30' }]);
    expect(reading.due).toBe('2025-10-13');
    // An open one too: past its maximum the case runs again although the procedure goes on.
    const open = deriveClock(calendar, workedExample({ pauses: [{ ...overlong, to: undefined }] }), '2025-10-10');
    expect(open).toMatchObject({ due: '2025-10-13', state: 'running' });
  });

  it('never counts a 补正 and never a pause before the start day', () => {
    const reading = deriveClock(
      calendar,
      workedExample({
        pauses: [
          { reason: 'supplement', from: '2025-09-20', to: '2025-09-25' },
          { reason: 'supplement', from: '2025-09-29', to: '2025-09-30' },
          { reason: 'testing', from: '2025-09-20', to: '2025-09-26' },
        ],
      }),
      '2025-09-30',
    );
    expect(reading).toMatchObject({ due: '2025-10-10', pausedDays: 0, countedPauses: [] });
  });

  it('merges overlapping procedures: a day is paused once', () => {
    const reading = deriveClock(
      calendar,
      workedExample({
        pauses: [expertReview('2025-09-29', '2025-09-30'), { reason: 'publicity', from: '2025-09-30', to: '2025-09-30' }],
      }),
      '2025-10-01',
    );
    expect(reading).toMatchObject({
      due: '2025-10-13',
      pausedWorkdays: 2,
      countedPauses: [{ from: '2025-09-29', to: '2025-09-30' }],
    });
  });

  it('adds one extension after the budget', () => {
    const extension = { days: 10, approvedBy: '局长 王某', approvedAt: '2025-10-09T02:00:00.000Z' };
    // 10-11 (1), 10-13..10-17 (6), 10-20..10-23 (10).
    expect(deriveClock(calendar, workedExample({ extension }), '2025-10-10')).toMatchObject({
      due: '2025-10-23',
      budgetWorkdays: 15,
      level: 'normal',
    });
  });

  it('answers a stopped clock as of its stop day, and records a late completion', () => {
    const late = deriveClock(calendar, workedExample({ stoppedOn: '2025-10-13' }), '2025-11-20');
    expect(late).toMatchObject({ asOf: '2025-10-13', state: 'stopped', late: true, level: 'overdue', workdaysLeft: -2 });
    const onTime = deriveClock(
      calendar,
      workedExample({ stoppedOn: '2025-10-09', pauses: [expertReview('2025-10-09')] }),
      '2025-11-20',
    );
    // Completed on its due day: on time, and no longer red.
    expect(deriveClock(calendar, workedExample({ stoppedOn: '2025-10-10' }), '2025-10-20')).toMatchObject({
      level: 'normal',
      late: false,
    });
    expect(onTime).toMatchObject({
      asOf: '2025-10-09',
      state: 'stopped',
      late: false,
      level: 'normal',
      pausedDays: 1,
      due: '2025-10-11',
    });
  });

  it('is provisional where the calendar runs out', () => {
    const reading = deriveClock(
      calendar,
      { budget: { value: 5, unit: 'workday' }, startedOn: '2026-12-28', pauses: [] },
      '2026-12-28',
    );
    expect(reading).toMatchObject({ due: '2027-01-04', provisional: true });
    expect(deriveClock(calendar, workedExample(), '2025-09-26').provisional).toBe(false);
  });
});

describe('the warning level', () => {
  it('at each boundary of the worked example', () => {
    const levels = Object.fromEntries(
      ['2025-09-26', '2025-09-30', '2025-10-08', '2025-10-09', '2025-10-10', '2025-10-11', '2025-10-13'].map((day) => {
        const { level, workdaysLeft } = deriveClock(calendar, workedExample(), day);
        return [day, [level, workdaysLeft]];
      }),
    );
    expect(levels).toEqual({
      '2025-09-26': ['normal', 5],
      '2025-09-30': ['normal', 2],
      '2025-10-08': ['normal', 2],
      '2025-10-09': ['yellow', 1],
      '2025-10-10': ['red', 0],
      '2025-10-11': ['overdue', -1],
      '2025-10-13': ['overdue', -2],
    });
    expect(rungDays(calendar, workedExample(), '2025-09-26')).toEqual({
      yellow: '2025-10-09',
      red: '2025-10-10',
      overdue: '2025-10-11',
    });
  });

  it('turns yellow on the budget share before the last day in a long budget', () => {
    const long: ClockState = { budget: { value: 20, unit: 'workday' }, startedOn: '2025-11-03', pauses: [] };
    expect(deriveClock(calendar, long, '2025-11-24')).toMatchObject({ due: '2025-12-01', workdaysUsed: 15, level: 'normal' });
    expect(deriveClock(calendar, long, '2025-11-25')).toMatchObject({ workdaysUsed: 16, workdaysLeft: 4, level: 'yellow' });
    expect(deriveClock(calendar, long, '2025-11-25', { yellowWorkdaysLeft: 1, yellowUsedShare: 0.9 }).level).toBe('normal');
    expect(rungDays(calendar, long, '2025-11-03')).toEqual({ yellow: '2025-11-25', red: '2025-12-01', overdue: '2025-12-02' });
  });

  it('has no rungs ahead on a stopped clock, and rungs assuming an open pause ends today', () => {
    expect(rungDays(calendar, workedExample({ stoppedOn: '2025-10-09' }), '2025-10-01')).toEqual({});
    expect(rungDays(calendar, workedExample({ pauses: [expertReview('2025-09-29')] }), '2025-09-30')).toEqual({
      yellow: '2025-10-11',
      red: '2025-10-13',
      overdue: '2025-10-14',
    });
  });
});
