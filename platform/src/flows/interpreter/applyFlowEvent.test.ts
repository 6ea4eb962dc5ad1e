import { describe, expect, it } from 'vitest';
import { applyFlowEvent } from './applyFlowEvent';
import { FlowDriver, contextOf, jointFlow, refusalOf, serialFlow } from './flows.fixture';

/** At 审查 (t2), held by u-reviewer. */
function atReview(): FlowDriver {
  const flow = new FlowDriver(serialFlow(), contextOf());
  flow.pass('accept', 'u-window');
  flow.act({ type: 'claim', taskId: flow.taskAt('review').id, by: 'u-reviewer' });
  return flow;
}

describe('applyFlowEvent: case actions', () => {
  it('claim (认领) takes a task from the department queue', () => {
    const flow = new FlowDriver(serialFlow(), contextOf());
    expect(flow.act({ type: 'claim', taskId: 't1', by: 'u-window' })).toEqual([
      { type: 'taskClaimed', taskId: 't1', assignee: 'u-window' },
    ]);
    expect(flow.taskAt('accept').assignee).toBe('u-window');
  });

  it('transfer (转办) closes the task and opens the same step for the colleague', () => {
    const flow = atReview();
    const effects = flow.act({ type: 'transfer', taskId: 't2', by: 'u-reviewer', to: 'u-colleague' });
    expect(effects).toEqual([
      { type: 'taskClosed', taskId: 't2', outcome: 'transferred' },
      expect.objectContaining({
        type: 'taskOpened',
        reason: 'transferred',
        task: expect.objectContaining({ id: 't3', stepId: 'review', assignee: 'u-colleague' }),
      }),
    ]);
    expect(refusalOf(() => flow.act({ type: 'approve', taskId: 't3', by: 'u-reviewer' }))).toBe('FLOW_NOT_TASK_HOLDER');
    flow.act({ type: 'approve', taskId: 't3', by: 'u-colleague' });
    expect(flow.openSteps()).toEqual(['decide']);
  });

  it('addSigner (加签): the step completes only when the holder and every co-signer approved', () => {
    const flow = atReview();
    expect(flow.act({ type: 'addSigner', taskId: 't2', by: 'u-reviewer', userId: 'u-expert' })).toEqual([
      { type: 'signerAdded', taskId: 't2', userId: 'u-expert' },
    ]);
    flow.act({ type: 'addSigner', taskId: 't2', by: 'u-reviewer', userId: 'u-lawyer' });
    expect(flow.act({ type: 'approve', taskId: 't2', by: 'u-reviewer' })).toEqual([
      { type: 'signerApproved', taskId: 't2', userId: 'u-reviewer' },
    ]);
    flow.act({ type: 'approve', taskId: 't2', by: 'u-expert' });
    expect(flow.openSteps()).toEqual(['review']);
    expect(refusalOf(() => flow.act({ type: 'approve', taskId: 't2', by: 'u-expert' }))).toBe('FLOW_ACTION_NOT_ALLOWED');
    const last = flow.act({ type: 'approve', taskId: 't2', by: 'u-lawyer' });
    expect(last.slice(0, 2)).toEqual([
      { type: 'signerApproved', taskId: 't2', userId: 'u-lawyer' },
      { type: 'taskClosed', taskId: 't2', outcome: 'approved' },
    ]);
    expect(flow.state.path.at(-1)).toMatchObject({ stepId: 'review', by: 'u-reviewer' });
    expect(flow.openSteps()).toEqual(['decide']);
  });

  it('a co-signer only approves; the holder twice is refused', () => {
    const flow = atReview();
    flow.act({ type: 'addSigner', taskId: 't2', by: 'u-reviewer', userId: 'u-expert' });
    expect(refusalOf(() => flow.act({ type: 'return', taskId: 't2', by: 'u-expert', to: 'accept' }))).toBe(
      'FLOW_NOT_TASK_HOLDER',
    );
    flow.act({ type: 'approve', taskId: 't2', by: 'u-reviewer' });
    expect(refusalOf(() => flow.act({ type: 'approve', taskId: 't2', by: 'u-reviewer' }))).toBe('FLOW_ACTION_NOT_ALLOWED');
  });

  it('deny (不予) ends the flow denied, on a step that offers it', () => {
    const flow = atReview();
    flow.pass('review', 'u-reviewer');
    expect(flow.act({ type: 'deny', taskId: 't3', by: 'u-chief' })).toEqual([
      { type: 'taskClaimed', taskId: 't3', assignee: 'u-chief' },
      { type: 'taskClosed', taskId: 't3', outcome: 'denied' },
      { type: 'flowCompleted', outcome: 'denied' },
    ]);
    expect(flow.state.status).toBe('denied');
  });

  it('terminate (终止): administratively, or from a step that offers it; open tasks are cancelled', () => {
    const joint = new FlowDriver(jointFlow('all'), contextOf({ hasCentralAirConditioning: true }));
    joint.pass('accept');
    expect(joint.act({ type: 'terminate', by: 'u-admin' })).toEqual([
      { type: 'taskClosed', taskId: 't2', outcome: 'cancelled' },
      { type: 'taskClosed', taskId: 't3', outcome: 'cancelled' },
      { type: 'flowCompleted', outcome: 'terminated' },
    ]);
    expect(joint.state).toMatchObject({ status: 'terminated', tasks: [], groups: [] });

    const atChief = atReview();
    atChief.pass('review', 'u-reviewer');
    atChief.act({ type: 'terminate', taskId: 't3', by: 'u-chief' });
    expect(atChief.state.status).toBe('terminated');
  });
});

describe('applyFlowEvent: refusals', () => {
  it('FLOW_NOT_RUNNING once the flow has ended', () => {
    const flow = atReview();
    flow.act({ type: 'terminate', by: 'u-admin' });
    expect(refusalOf(() => flow.act({ type: 'claim', taskId: 't2', by: 'u-reviewer' }))).toBe('FLOW_NOT_RUNNING');
    expect(refusalOf(() => flow.act({ type: 'terminate', by: 'u-admin' }))).toBe('FLOW_NOT_RUNNING');
  });

  it('FLOW_TASK_NOT_OPEN for a closed or unknown task (the loser of two people acting at once)', () => {
    const flow = atReview();
    expect(refusalOf(() => flow.act({ type: 'approve', taskId: 't1', by: 'u-window' }))).toBe('FLOW_TASK_NOT_OPEN');
    expect(refusalOf(() => flow.act({ type: 'approve', taskId: 't99', by: 'u-window' }))).toBe('FLOW_TASK_NOT_OPEN');
    expect(refusalOf(() => flow.act({ type: 'terminate', taskId: 't99', by: 'u-window' }))).toBe('FLOW_TASK_NOT_OPEN');
  });

  it('FLOW_ACTION_NOT_ALLOWED for an action the step does not offer', () => {
    const flow = atReview();
    for (const type of ['decide', 'deny'] as const) {
      expect(refusalOf(() => flow.act({ type, taskId: 't2', by: 'u-reviewer' }))).toBe('FLOW_ACTION_NOT_ALLOWED');
    }
    expect(refusalOf(() => flow.act({ type: 'terminate', taskId: 't2', by: 'u-reviewer' }))).toBe('FLOW_ACTION_NOT_ALLOWED');
    flow.pass('review', 'u-reviewer');
    // The chief decides; a plain approve is not what that step offers.
    expect(refusalOf(() => flow.act({ type: 'approve', taskId: 't3', by: 'u-chief' }))).toBe('FLOW_ACTION_NOT_ALLOWED');
    expect(refusalOf(() => flow.act({ type: 'transfer', taskId: 't3', by: 'u-chief', to: 'u-other' }))).toBe(
      'FLOW_ACTION_NOT_ALLOWED',
    );
    expect(refusalOf(() => flow.act({ type: 'addSigner', taskId: 't3', by: 'u-chief', userId: 'u-other' }))).toBe(
      'FLOW_ACTION_NOT_ALLOWED',
    );
  });

  it('FLOW_NOT_TASK_HOLDER for someone else’s task; FLOW_TASK_CLAIMED for a second claim', () => {
    const flow = atReview();
    expect(refusalOf(() => flow.act({ type: 'approve', taskId: 't2', by: 'u-other' }))).toBe('FLOW_NOT_TASK_HOLDER');
    expect(refusalOf(() => flow.act({ type: 'transfer', taskId: 't2', by: 'u-other', to: 'u-third' }))).toBe(
      'FLOW_NOT_TASK_HOLDER',
    );
    expect(refusalOf(() => flow.act({ type: 'claim', taskId: 't2', by: 'u-other' }))).toBe('FLOW_TASK_CLAIMED');
  });

  it('FLOW_USER_INVALID: transfer to the holder, add the holder or a signer twice', () => {
    const flow = atReview();
    expect(refusalOf(() => flow.act({ type: 'transfer', taskId: 't2', by: 'u-reviewer', to: 'u-reviewer' }))).toBe(
      'FLOW_USER_INVALID',
    );
    expect(refusalOf(() => flow.act({ type: 'addSigner', taskId: 't2', by: 'u-reviewer', userId: 'u-reviewer' }))).toBe(
      'FLOW_USER_INVALID',
    );
    flow.act({ type: 'addSigner', taskId: 't2', by: 'u-reviewer', userId: 'u-expert' });
    expect(refusalOf(() => flow.act({ type: 'addSigner', taskId: 't2', by: 'u-reviewer', userId: 'u-expert' }))).toBe(
      'FLOW_USER_INVALID',
    );
    expect(refusalOf(() => flow.act({ type: 'transfer', taskId: 't2', by: 'u-reviewer', to: 'u-expert' }))).toBe(
      'FLOW_USER_INVALID',
    );
  });

  it('never changes the state it is given, refused or not', () => {
    const flow = atReview();
    const before = structuredClone(flow.state);
    applyFlowEvent(flow.flow, flow.state, { type: 'approve', taskId: 't2', by: 'u-reviewer' }, flow.context);
    expect(
      refusalOf(() => applyFlowEvent(flow.flow, flow.state, { type: 'approve', taskId: 't2', by: 'u-x' }, flow.context)),
    ).toBe('FLOW_NOT_TASK_HOLDER');
    expect(flow.state).toEqual(before);
  });
});
