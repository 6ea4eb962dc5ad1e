import { describe, expect, it } from 'vitest';
import { FlowDriver, contextOf, foodFlow, jointFlow, serialFlow } from './flows.fixture';
import { plannedPath } from './plannedPath';

const ids = (path: ReturnType<typeof plannedPath>): string[] => path.steps.map((s) => s.nodeId);

describe('plannedPath', () => {
  it('follows this applicant’s conditions from the start', () => {
    const desk = plannedPath(foodFlow(), contextOf({ floorArea: 100 }));
    expect(ids(desk)).toEqual(['accept', 'review', 'decide']);
    expect(desk.totalDays).toBe(5);
    const site = plannedPath(foodFlow(), contextOf({ isOnSiteCheckNeeded: true, floorArea: 1500 }));
    expect(ids(site)).toEqual(['accept', 'review', 'siteCheck', 'recheck', 'decide']);
    expect(site.totalDays).toBe(8);
  });

  it('a parallel node counts its slowest started branch', () => {
    const both = plannedPath(jointFlow('all'), contextOf({ hasCentralAirConditioning: true }));
    expect(both.steps[1]).toEqual({
      nodeId: 'joint',
      name: '联合审查',
      budgetDays: 6,
      isCurrent: false,
      branches: [
        { branchId: 'fireBranch', name: '消防检查', budgetDays: 6 },
        { branchId: 'healthBranch', name: '卫生审查', budgetDays: 3 },
      ],
    });
    expect(both.totalDays).toBe(8);
  });

  it('from where a running case stands: what each open branch has left, then the rest', () => {
    const flow = new FlowDriver(jointFlow('all'), contextOf({ hasCentralAirConditioning: true }));
    flow.pass('accept');
    flow.pass('fireInspect');
    const ahead = plannedPath(flow.flow, flow.context, flow.state);
    expect(ids(ahead)).toEqual(['joint', 'decide']);
    expect(ahead.steps[0]).toMatchObject({ isCurrent: true, budgetDays: 3 });
    expect(ahead.steps[0]?.branches.map((b) => [b.branchId, b.budgetDays])).toEqual([
      ['fireBranch', 1],
      ['healthBranch', 3],
    ]);
    expect(ahead.totalDays).toBe(4);
    flow.act({ type: 'terminate', by: 'u-admin' });
    expect(plannedPath(flow.flow, flow.context, flow.state)).toEqual({ steps: [], totalDays: 0 });
  });

  it('stops at a loop in a flow that never passed the checks', () => {
    const looping = serialFlow();
    const decide = looping.nodes[2];
    if (decide?.kind !== 'task') throw new Error('fixture changed');
    decide.next = 'review';
    expect(ids(plannedPath(looping, contextOf()))).toEqual(['accept', 'review', 'decide']);
  });
});
