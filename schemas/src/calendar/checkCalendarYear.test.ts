import { describe, expect, it } from 'vitest';
import { checkCalendarYear } from './checkCalendarYear';
import { stateCouncilNotices } from './stateCouncilNotices.fixture';

describe('checkCalendarYear', () => {
  it('accepts the State Council notices', () => {
    for (const notice of stateCouncilNotices) expect(checkCalendarYear(notice.year, notice)).toEqual([]);
  });

  it('names each wrong day by its pointer, in Chinese', () => {
    const issues = checkCalendarYear(2025, {
      source: ' ',
      holidays: [
        { date: '2025-10-04', name: '国庆节' }, // Saturday
        { date: '2024-10-01', name: '国庆节' },
        { date: '2025-02-30', name: '春节' },
        { date: '2025-10-08', name: '国庆节' },
        { date: '2025-10-08', name: '国庆节' },
      ],
      workdays: [
        { date: '2025-10-09', name: '国庆节' }, // Thursday
        { date: '2025-10-08', name: '国庆节' },
      ],
    });
    expect(issues.map(({ pointer, code }) => [pointer, code])).toEqual([
      ['/source', 'calendar.source_missing'],
      ['/holidays/0/date', 'calendar.holiday_not_weekday'],
      ['/holidays/1/date', 'calendar.date_outside_year'],
      ['/holidays/2/date', 'date.format'],
      ['/holidays/4/date', 'calendar.date_duplicate'],
      ['/workdays/0/date', 'calendar.makeup_not_weekend'],
      ['/workdays/1/date', 'calendar.date_conflict'],
    ]);
    expect(issues[5]?.message).toBe('2025-10-09 不是周末，不能列为调休上班日');
  });
});
