import { describe, expect, it } from 'vitest';
import { applyFlowEvent } from './applyFlowEvent';
import { FIRE, FlowDriver, SAMR, contextOf, refusalOf, serialFlow } from './flows.fixture';

/** At 审查 (t2) of 市场监管局, held by u-reviewer with a co-signer. */
function atReview(): FlowDriver {
  const flow = new FlowDriver(serialFlow(), contextOf());
  flow.pass('accept', 'u-window');
  flow.act({ type: 'claim', taskId: 't2', by: 'u-reviewer' });
  flow.act({ type: 'addSigner', taskId: 't2', by: 'u-reviewer', userId: 'u-expert' });
  return flow;
}

describe('applyFlowEvent: transferDepartment (转其他部门)', () => {
  it('closes the task and opens the same step unclaimed in the other department, without the co-signers', () => {
    const flow = atReview();
    const before = structuredClone(flow.state);
    const { state, effects } = applyFlowEvent(
      flow.flow,
      flow.state,
      { type: 'transferDepartment', taskId: 't2', by: 'u-reviewer', to: FIRE },
      flow.context,
    );
    expect(flow.state).toEqual(before);
    expect(effects).toEqual([
      { type: 'taskClosed', taskId: 't2', outcome: 'transferred' },
      expect.objectContaining({
        type: 'taskOpened',
        reason: 'transferred',
        task: expect.objectContaining({ id: 't3', stepId: 'review', department: FIRE, assignee: null, coSigners: [] }),
      }),
    ]);
    expect(state.stepDepartments).toEqual({ review: FIRE });
  });

  it('the receiving department claims and approves; a return to the step opens it there again', () => {
    const flow = atReview();
    flow.act({ type: 'transferDepartment', taskId: 't2', by: 'u-chief', to: FIRE });
    flow.act({ type: 'claim', taskId: 't3', by: 'u-fire' });
    flow.pass('review', 'u-fire');
    expect(flow.taskAt('decide').department).toBe(SAMR);
    flow.act({ type: 'return', taskId: flow.taskAt('decide').id, by: 'u-chief', to: 'review' });
    expect(flow.taskAt('review').department).toBe(FIRE);
  });

  it('refuses the same department and a closed task', () => {
    const flow = atReview();
    expect(refusalOf(() => flow.act({ type: 'transferDepartment', taskId: 't2', by: 'u-reviewer', to: SAMR }))).toBe(
      'FLOW_ACTION_NOT_ALLOWED',
    );
    flow.act({ type: 'transferDepartment', taskId: 't2', by: 'u-reviewer', to: FIRE });
    expect(refusalOf(() => flow.act({ type: 'transferDepartment', taskId: 't2', by: 'u-reviewer', to: FIRE }))).toBe(
      'FLOW_TASK_NOT_OPEN',
    );
  });
});
