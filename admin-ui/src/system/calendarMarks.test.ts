import { describe, expect, it } from 'vitest';
import { calendarBody, describeDate, markDay, marksOf, monthWeeks, weekdayOf, type Marks } from './calendarMarks';

const view = {
  holidays: [{ date: '2026-10-01', name: '国庆节', region: 'CN' }],
  workdays: [{ date: '2026-10-10', name: '国庆节', region: 'CN' }],
};

const marked = (result: ReturnType<typeof markDay>): Marks => {
  if ('refusal' in result) throw new Error(result.refusal);
  return result.marks;
};

describe('calendar marks', () => {
  it('lays a month out in weeks from Monday', () => {
    // 2026-10-01 is a Thursday: three empty cells before it; 31 days end on a Saturday.
    const weeks = monthWeeks(2026, 10);
    expect(weeks[0]).toEqual([null, null, null, '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04']);
    expect(weeks.at(-1)).toEqual(['2026-10-26', '2026-10-27', '2026-10-28', '2026-10-29', '2026-10-30', '2026-10-31', null]);
    expect(monthWeeks(2024, 2).flat().filter(Boolean)).toHaveLength(29);
    expect(weekdayOf('2026-12-07')).toBe(0);
  });

  it('marks a weekday off and a weekend worked, and puts only the region’s own days in the body', () => {
    let marks: Marks = marksOf(view);
    marks = marked(markDay(marks, { date: '2026-12-07', mode: 'holiday', name: '地方节日', region: 'CN' }));
    marks = marked(markDay(marks, { date: '2026-12-12', mode: 'makeup', name: '地方节日', region: 'CN' }));
    expect(calendarBody(marks, 'CN', ' 国办发明电〔2025〕7号 ')).toEqual({
      holidays: [
        { date: '2026-10-01', name: '国庆节' },
        { date: '2026-12-07', name: '地方节日' },
      ],
      workdays: [
        { date: '2026-10-10', name: '国庆节' },
        { date: '2026-12-12', name: '地方节日' },
      ],
      source: '国办发明电〔2025〕7号',
    });
    const local = marked(markDay(marksOf(view), { date: '2026-12-07', mode: 'holiday', name: '县庆', region: '439901' }));
    expect(calendarBody(local, '439901', 'x')).toEqual({
      holidays: [{ date: '2026-12-07', name: '县庆' }],
      workdays: [],
      source: 'x',
    });
    expect(
      calendarBody(marked(markDay(marks, { date: '2026-12-07', mode: 'plain', name: '', region: 'CN' })), 'CN', 'x').holidays,
    ).toHaveLength(1);
  });

  it('refuses what would change nothing or belongs to the national notice', () => {
    const marks = marksOf(view);
    expect(markDay(marks, { date: '2026-12-05', mode: 'holiday', name: '某节', region: 'CN' })).toEqual({
      refusal: '2026-12-05 是周末，本来就不上班，无需标为法定节假日',
    });
    expect(markDay(marks, { date: '2026-12-07', mode: 'makeup', name: '某节', region: 'CN' })).toHaveProperty('refusal');
    expect(markDay(marks, { date: '2026-12-07', mode: 'holiday', name: ' ', region: 'CN' })).toHaveProperty('refusal');
    expect(markDay(marks, { date: '2026-10-01', mode: 'plain', name: '', region: '439901' })).toEqual({
      refusal: '2026-10-01 由 CN 的安排规定（国庆节），请在 CN 中修改',
    });
  });

  it('says each day in words', () => {
    const marks = marksOf(view);
    expect(describeDate('2026-10-01', marks.get('2026-10-01'), '439901')).toBe(
      '2026年10月1日 星期四，法定节假日 国庆节（CN 规定）',
    );
    expect(describeDate('2026-10-10', marks.get('2026-10-10'), 'CN')).toBe('2026年10月10日 星期六，调休上班日 国庆节');
    expect(describeDate('2026-12-05', undefined, 'CN')).toBe('2026年12月5日 星期六，周末');
  });
});
