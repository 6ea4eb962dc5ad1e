import { describe, expect, it } from 'vitest';
import type { Flow } from '../generated/MatterDocument';
import { WorkCalendar } from '../calendar/WorkCalendar';
import { budgetAgainstPromise } from './budgetAgainstPromise';
import { buildFlowGraph } from './flowGraph';

const task = (id: string, budgetDays: number, next: Flow['nodes'][number]['next']) =>
  ({ id, kind: 'task', name: id, role: 'reviewer', budgetDays, next }) as const;

/** accept(1) → review: parallel of 2+3 and 4 → either decide(1) or a long inspect(6) → end. */
const flow: Flow = {
  start: 'accept',
  nodes: [
    task('accept', 1, 'review'),
    {
      id: 'review',
      kind: 'parallel',
      name: '并联审查',
      lead: '$owner',
      completion: 'all',
      branches: [
        {
          id: 'a',
          name: 'A',
          department: '$owner',
          steps: [
            { id: 'a1', name: 'a1', role: 'reviewer', budgetDays: 2 },
            { id: 'a2', name: 'a2', role: 'reviewer', budgetDays: 3 },
          ],
        },
        { id: 'b', name: 'B', department: '$owner', steps: [{ id: 'b1', name: 'b1', role: 'reviewer', budgetDays: 4 }] },
      ],
      next: { cases: [{ when: { required: ['x'] }, to: 'inspect' }], otherwise: 'decide' },
    },
    task('inspect', 6, 'decide'),
    task('decide', 1, 'end'),
  ],
};
const graph = buildFlowGraph({ flow, prefix: '/flow' });

describe('budgetAgainstPromise', () => {
  it('adds the slowest branch of a parallel block and the heaviest case', () => {
    const budget = budgetAgainstPromise({ graph, start: 'accept', promised: { value: 13, unit: 'workday' } });
    expect(budget?.longest).toEqual({ path: ['accept', 'review', 'inspect', 'decide'], total: 13 });
    expect(budget?.comparison.exceeds).toBe(false);
  });

  it('exceeds a shorter promise in working days, and a unit-less promise counts as working days', () => {
    expect(budgetAgainstPromise({ graph, start: 'accept', promised: { value: 12, unit: 'workday' } })?.comparison.exceeds).toBe(
      true,
    );
    expect(budgetAgainstPromise({ graph, start: 'accept', promised: { value: 12 } })?.promised).toEqual({
      value: 12,
      unit: 'workday',
    });
  });

  it('compares with natural days on the calendar: 13 working days outlast 15 days but not 19', () => {
    const calendar = new WorkCalendar([]);
    expect(
      budgetAgainstPromise({ graph, start: 'accept', promised: { value: 15, unit: 'day' }, calendar })?.comparison,
    ).toMatchObject({ exceeds: true, provisional: true });
    expect(
      budgetAgainstPromise({ graph, start: 'accept', promised: { value: 19, unit: 'day' }, calendar })?.comparison.exceeds,
    ).toBe(false);
  });

  it('answers nothing without a promise or a path to the end', () => {
    expect(budgetAgainstPromise({ graph, start: 'accept', promised: undefined })).toBeUndefined();
    expect(budgetAgainstPromise({ graph, start: 'nowhere', promised: { value: 5 } })).toBeUndefined();
    const loop = buildFlowGraph({ flow: { start: 'x', nodes: [task('x', 1, 'x')] }, prefix: '' });
    expect(budgetAgainstPromise({ graph: loop, start: 'x', promised: { value: 5 } })).toBeUndefined();
  });
});
