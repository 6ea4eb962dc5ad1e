import { describe, expect, it } from 'vitest';
import { checkFlow } from '../checkFlow';
import type { Flow } from '../Flow';
import {
  FlowDriver,
  SAMR,
  DEPARTMENTS,
  contextOf,
  foodFlow,
  isLarge,
  jointFlow,
  refusalOf,
  serialFlow,
  task,
} from './flows.fixture';
import { startFlow } from './startFlow';

function isClean(flow: Flow): boolean {
  return (
    checkFlow({
      flow,
      knownDepartments: DEPARTMENTS,
      ownerDepartment: SAMR,
      promised: { value: 20, unit: 'workday' },
      specialProcedureNames: new Set(),
      formProperties: new Set(['isOnSiteCheckNeeded', 'hasCentralAirConditioning', 'floorArea']),
    }).length === 0
  );
}

describe('startFlow and serial steps', () => {
  it('the fixtures are flows the publish checks accept', () => {
    expect([serialFlow(), foodFlow(), jointFlow('all'), jointFlow('any')].every(isClean)).toBe(true);
  });

  it('opens the first step in the owner department’s queue, with deterministic ids', () => {
    const { state, effects } = startFlow(serialFlow(), contextOf());
    const opened = {
      id: 't1',
      nodeId: 'accept',
      stepId: 'accept',
      branchId: null,
      name: '窗口受理',
      role: 'window',
      department: SAMR,
      budgetDays: 1,
      assignee: null,
      hasHolderApproved: false,
      coSigners: [],
    };
    expect(effects).toEqual([{ type: 'taskOpened', task: opened, budgetDays: 1, reason: 'entered' }]);
    expect(state).toEqual({ schemaVersion: 1, status: 'running', nextTaskNumber: 2, tasks: [opened], groups: [], path: [] });
    expect(startFlow(serialFlow(), contextOf())).toEqual({ state, effects });
  });

  it('runs 受理 → 审查 → 决定 to completion, recording the path', () => {
    const flow = new FlowDriver(serialFlow(), contextOf());
    expect(flow.pass('accept', 'u-window')).toEqual([
      { type: 'taskClaimed', taskId: 't1', assignee: 'u-window' },
      { type: 'taskClosed', taskId: 't1', outcome: 'approved' },
      expect.objectContaining({
        type: 'taskOpened',
        task: expect.objectContaining({ id: 't2', stepId: 'review' }),
        budgetDays: 3,
      }),
    ]);
    flow.pass('review', 'u-reviewer');
    expect(flow.pass('decide', 'u-chief')).toEqual([
      { type: 'taskClaimed', taskId: 't3', assignee: 'u-chief' },
      { type: 'taskClosed', taskId: 't3', outcome: 'approved' },
      { type: 'flowCompleted', outcome: 'completed' },
    ]);
    expect(flow.state.status).toBe('completed');
    expect(flow.state.tasks).toEqual([]);
    expect(flow.state.path.map((entry) => [entry.stepId, entry.by, entry.action])).toEqual([
      ['accept', 'u-window', 'approve'],
      ['review', 'u-reviewer', 'approve'],
      ['decide', 'u-chief', 'decide'],
    ]);
  });

  it('skips a step whose condition fails, and says so', () => {
    const small = new FlowDriver(foodFlow(), contextOf({ floorArea: 200 }));
    small.pass('accept');
    expect(small.pass('review')).toContainEqual({ type: 'stepSkipped', nodeId: 'recheck', stepId: 'recheck', branchId: null });
    expect(small.openSteps()).toEqual(['decide']);

    const large = new FlowDriver(foodFlow(), contextOf({ floorArea: 1500 }));
    large.pass('accept');
    large.pass('review');
    expect(large.openSteps()).toEqual(['recheck']);
  });

  it('follows a conditional next: the first case that holds, else otherwise', () => {
    const site = new FlowDriver(foodFlow(), contextOf({ isOnSiteCheckNeeded: true }));
    site.pass('accept');
    site.pass('review');
    expect(site.openSteps()).toEqual(['siteCheck']);

    const desk = new FlowDriver(foodFlow(), contextOf({ isOnSiteCheckNeeded: false, floorArea: 1500 }));
    desk.pass('accept');
    desk.pass('review');
    expect(desk.openSteps()).toEqual(['recheck']);
  });

  it('enters where the applicant’s 办理情形 says (flowStart), else at the start', () => {
    const flow = serialFlow();
    const renewal = startFlow(flow, { ...contextOf(), situations: [{ id: 'general' }, { id: 'renewal', flowStart: 'decide' }] });
    expect(renewal.state.tasks.map((t) => t.stepId)).toEqual(['decide']);
    expect(startFlow(flow, { ...contextOf(), situations: [{ id: 'general' }] }).state.tasks.map((t) => t.stepId)).toEqual([
      'accept',
    ]);
    expect(refusalOf(() => startFlow(flow, { ...contextOf(), situations: [{ id: 'x', flowStart: 'nowhere' }] }))).toBe(
      'FLOW_START_UNKNOWN',
    );
  });

  it('a flow whose every node is skipped completes at once', () => {
    const flow: Flow = { start: 'recheck', nodes: [task('recheck', '复核', 'end', { condition: isLarge })] };
    const { state, effects } = startFlow(flow, contextOf({ floorArea: 10 }));
    expect(state.status).toBe('completed');
    expect(effects.map((e) => e.type)).toEqual(['stepSkipped', 'flowCompleted']);
  });
});
