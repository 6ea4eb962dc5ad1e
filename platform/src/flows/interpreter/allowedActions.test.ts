import { describe, expect, it } from 'vitest';
import { allowedActions } from './allowedActions';
import { FlowDriver, contextOf, jointFlow, refusalOf, serialFlow, task } from './flows.fixture';
import type { Flow } from '../Flow';

describe('allowedActions', () => {
  it('answers the step’s actions, special procedures and where a return may go', () => {
    const flow = new FlowDriver(jointFlow('all'), contextOf({ hasCentralAirConditioning: true }));
    flow.pass('accept');
    flow.pass('fireInspect');
    expect(allowedActions(flow.flow, flow.state, flow.taskAt('fireSign').id)).toEqual({
      actions: ['approve', 'return', 'transfer', 'addSigner'],
      specialProcedures: [],
      returnTargets: [
        { id: 'accept', name: '窗口受理' },
        { id: 'fireInspect', name: '消防现场检查' },
      ],
      isClaimable: true,
    });
    // The window step offers no return, so it lists no targets.
    const start = new FlowDriver(serialFlow(), contextOf());
    expect(allowedActions(start.flow, start.state, 't1').returnTargets).toEqual([]);
  });

  it('a step without actions offers what its role may do', () => {
    const bare = task('siteCheck', '现场核查', 'end', { specialProcedures: ['现场踏勘'] });
    delete bare.actions;
    const flowDoc: Flow = { start: 'siteCheck', nodes: [bare] };
    const flow = new FlowDriver(flowDoc, contextOf());
    expect(allowedActions(flowDoc, flow.state, 't1')).toMatchObject({
      actions: ['approve', 'return', 'transfer', 'delegate', 'addSigner', 'specialProcedure', 'urge', 'terminate'],
      specialProcedures: ['现场踏勘'],
    });
  });

  it('refuses a task that is not open and a flow that has ended', () => {
    const flow = new FlowDriver(serialFlow(), contextOf());
    expect(refusalOf(() => allowedActions(flow.flow, flow.state, 't9'))).toBe('FLOW_TASK_NOT_OPEN');
    flow.act({ type: 'terminate', by: 'u-admin' });
    expect(refusalOf(() => allowedActions(flow.flow, flow.state, 't1'))).toBe('FLOW_NOT_RUNNING');
  });
});
