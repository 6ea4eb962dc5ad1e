import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '@matterflow/schemas';
import { libraryYear } from '../../calendar';
import { acceptanceDeadline, deemedAcceptance } from './acceptanceDeadline';
import { caseBudget } from './caseBudget';
import { dayStartsAt } from './dayStartsAt';
import { deriveStepClock } from './stepClock';

const calendar = new WorkCalendar([2025, 2026].map(libraryYear));

describe('the acceptance deadline (行政许可法第三十二条)', () => {
  it('is 5 working days after receipt, across 国庆 2025 and 春节 2026', () => {
    expect(acceptanceDeadline(calendar, '2025-09-26')).toEqual({ due: '2025-10-10', provisional: false });
    expect(acceptanceDeadline(calendar, '2026-02-12')).toEqual({ due: '2026-02-26', provisional: false });
  });

  it('deems the application accepted from the day it was received, once the deadline has passed', () => {
    expect(deemedAcceptance(calendar, '2025-09-26', '2025-10-10')).toMatchObject({ deemed: false });
    expect(deemedAcceptance(calendar, '2025-09-26', '2025-10-11')).toMatchObject({ deemed: true, acceptedOn: '2025-09-26' });
  });
});

describe('a step budget inside the case', () => {
  it('runs in working days from the day the task opened, held by the case pauses that overlap it', () => {
    const step = { openedOn: '2025-09-29', budgetDays: 3 };
    expect(deriveStepClock(calendar, step, [], '2025-09-29').due).toBe('2025-10-10');
    const pauses = [{ reason: 'siteSurvey', from: '2025-10-09', to: '2025-10-09' } as const];
    expect(deriveStepClock(calendar, step, pauses, '2025-10-12')).toMatchObject({ due: '2025-10-11', level: 'overdue' });
    // A pause before the task opened does not hold it.
    const earlier = [{ reason: 'siteSurvey', from: '2025-09-28', to: '2025-09-29' } as const];
    expect(deriveStepClock(calendar, step, earlier, '2025-09-30').due).toBe('2025-10-10');
    expect(deriveStepClock(calendar, { ...step, closedOn: '2025-10-09' }, [], '2025-12-01')).toMatchObject({
      state: 'stopped',
      late: false,
    });
  });
});

describe('the budget a case runs on', () => {
  it("takes the situation's own limit, else the matter's promise, else the statutory limit", () => {
    const matter = { promised: { value: 10 }, statutory: { value: 20, unit: 'day' as const } };
    expect(caseBudget(matter)).toEqual({ value: 10, unit: 'workday' });
    expect(caseBudget(matter, { promised: { value: 3, unit: 'workday' } })).toEqual({ value: 3, unit: 'workday' });
    expect(caseBudget({ statutory: matter.statutory })).toEqual({ value: 20, unit: 'day' });
    expect(caseBudget({ statutory: { unspecified: true } })).toBeUndefined();
  });
});

describe('the instant a day begins', () => {
  it('is midnight in Shanghai, whatever the server time zone', () => {
    expect(dayStartsAt('2025-10-11').toISOString()).toBe('2025-10-10T16:00:00.000Z');
  });
});
