import { WorkCalendar } from '@matterflow/schemas';
import { describe, expect, it } from 'vitest';
import { budgetLine } from './budgetLine';
import { chain, parallelFlow } from './flowFixtures';

describe('budgetLine', () => {
  it('adds the slowest branch and compares with a promise in working days', () => {
    // 1 + max(3, 2 + 2) + 1 = 6
    expect(budgetLine({ flow: parallelFlow(), promised: { value: 8, unit: 'workday' } })).toEqual({
      text: '流程合计 6 个工作日 / 承诺 8 个工作日',
      isOver: false,
      detail: undefined,
      path: ['accept', 'review', 'decide'],
    });
    expect(budgetLine({ flow: parallelFlow(), promised: { value: 5 } })).toMatchObject({ isOver: true });
  });

  it('compares with natural days on the calendar, saying when it had to assume plain weeks', () => {
    const line = budgetLine({
      flow: chain('a', 'b', 'c', 'd', 'e', 'f'),
      promised: { value: 7, unit: 'day' },
      calendar: new WorkCalendar([]),
    });
    expect(line?.text).toBe('流程合计 6 个工作日 / 承诺 7 日');
    expect(line?.isOver).toBe(true);
    expect(line?.detail).toMatch(/起算.*按周一至周五推算/);
  });

  it('gives the total without a promise, and nothing without a way to 办结', () => {
    expect(budgetLine({ flow: chain('a', 'b'), promised: undefined })?.text).toBe('流程合计 2 个工作日 / 未填写承诺时限');
    expect(
      budgetLine({ flow: { start: 'a', nodes: [{ ...chain('a').nodes[0]!, next: 'a' }] }, promised: { value: 3 } }),
    ).toBeUndefined();
  });
});
