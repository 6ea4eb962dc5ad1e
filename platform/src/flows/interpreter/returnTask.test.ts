import { describe, expect, it } from 'vitest';
import { FlowDriver, contextOf, jointFlow, refusalOf, serialFlow } from './flows.fixture';

const withAirConditioning = contextOf({ hasCentralAirConditioning: true });

describe('退回 (return to an earlier step)', () => {
  it('reopens an earlier step on the path; the flow goes along again from there', () => {
    const flow = new FlowDriver(serialFlow(), contextOf());
    flow.pass('accept', 'u-window');
    flow.pass('review', 'u-reviewer');
    const decide = flow.taskAt('decide').id;
    const effects = flow.act({ type: 'return', taskId: decide, by: 'u-chief', to: 'accept' });
    expect(effects).toEqual([
      { type: 'taskClaimed', taskId: decide, assignee: 'u-chief' },
      { type: 'taskClosed', taskId: decide, outcome: 'returned' },
      expect.objectContaining({
        type: 'taskOpened',
        task: expect.objectContaining({ stepId: 'accept', assignee: null }),
        reason: 'returned',
      }),
    ]);
    expect(flow.state.path).toEqual([]);
    flow.pass('accept');
    flow.pass('review');
    flow.pass('decide');
    expect(flow.state.status).toBe('completed');
    expect(flow.state.path.map((entry) => entry.stepId)).toEqual(['accept', 'review', 'decide']);
  });

  it('only to a step the case passed: not ahead, not itself, not an unknown id', () => {
    const flow = new FlowDriver(serialFlow(), contextOf());
    flow.pass('accept');
    const review = flow.taskAt('review').id;
    for (const to of ['review', 'decide', 'nowhere']) {
      expect(refusalOf(() => flow.act({ type: 'return', taskId: review, by: 'u-reviewer', to }))).toBe(
        'FLOW_RETURN_TARGET_INVALID',
      );
    }
  });

  it('inside a branch: back to an earlier step of the same branch, the other branch untouched', () => {
    const flow = new FlowDriver(jointFlow('all'), withAirConditioning);
    flow.pass('accept');
    flow.pass('fireInspect', 'u-fire');
    const fireSign = flow.taskAt('fireSign').id;
    const healthReview = flow.taskAt('healthReview').id;
    flow.act({ type: 'return', taskId: fireSign, by: 'u-fire2', to: 'fireInspect' });
    expect(flow.openSteps().sort()).toEqual(['fireInspect', 'healthReview']);
    expect(flow.taskAt('healthReview').id).toBe(healthReview);
    expect(flow.state.groups[0]?.started).toEqual(['fireBranch', 'healthBranch']);
    flow.pass('fireInspect');
    flow.pass('fireSign');
    flow.pass('healthReview');
    expect(flow.openSteps()).toEqual(['decide']);
  });

  it('inside a branch: never to another branch’s step', () => {
    const flow = new FlowDriver(jointFlow('all'), withAirConditioning);
    flow.pass('accept');
    flow.pass('healthReview', 'u-health');
    flow.pass('fireInspect', 'u-fire');
    const fireSign = flow.taskAt('fireSign').id;
    expect(refusalOf(() => flow.act({ type: 'return', taskId: fireSign, by: 'u-fire', to: 'healthReview' }))).toBe(
      'FLOW_RETURN_TARGET_INVALID',
    );
    expect(refusalOf(() => flow.act({ type: 'return', taskId: fireSign, by: 'u-fire', to: 'joint' }))).toBe(
      'FLOW_RETURN_TARGET_INVALID',
    );
  });

  it('inside a branch: to a node before the group cancels the group’s other tasks', () => {
    const flow = new FlowDriver(jointFlow('all'), withAirConditioning);
    flow.pass('accept');
    const fireInspect = flow.taskAt('fireInspect').id;
    const healthReview = flow.taskAt('healthReview').id;
    const effects = flow.act({ type: 'return', taskId: fireInspect, by: 'u-fire', to: 'accept' });
    expect(effects.slice(0, 4)).toEqual([
      { type: 'taskClaimed', taskId: fireInspect, assignee: 'u-fire' },
      { type: 'taskClosed', taskId: fireInspect, outcome: 'returned' },
      { type: 'taskClosed', taskId: healthReview, outcome: 'cancelled' },
      { type: 'groupCancelled', nodeId: 'joint' },
    ]);
    expect(flow.state.groups).toEqual([]);
    expect(flow.openSteps()).toEqual(['accept']);
    flow.pass('accept');
    expect(flow.openSteps()).toEqual(['fireInspect', 'healthReview']);
  });

  it('after the join, back into one branch: only that branch runs again, the other’s approval stands', () => {
    const flow = new FlowDriver(jointFlow('all'), withAirConditioning);
    flow.pass('accept');
    flow.pass('fireInspect');
    flow.pass('healthReview');
    flow.pass('fireSign');
    const decide = flow.taskAt('decide').id;
    expect(flow.act({ type: 'return', taskId: decide, by: 'u-chief', to: 'fireSign' })).toContainEqual(
      expect.objectContaining({ type: 'groupStarted', nodeId: 'joint', branches: ['fireBranch'] }),
    );
    expect(flow.openSteps()).toEqual(['fireSign']);
    expect(flow.state.path.map((entry) => entry.stepId)).toEqual(['accept', 'fireInspect', 'healthReview']);
    flow.pass('fireSign');
    expect(flow.openSteps()).toEqual(['decide']);
    flow.pass('decide');
    expect(flow.state.status).toBe('completed');
  });

  it('to the parallel node itself: the whole group again, conditions evaluated anew', () => {
    const flow = new FlowDriver(jointFlow('all'), withAirConditioning);
    flow.pass('accept');
    flow.pass('fireInspect');
    flow.pass('fireSign');
    flow.pass('healthReview');
    flow.act({ type: 'return', taskId: flow.taskAt('decide').id, by: 'u-chief', to: 'joint' });
    expect(flow.openSteps()).toEqual(['fireInspect', 'healthReview']);
    expect(flow.state.path.map((entry) => entry.stepId)).toEqual(['accept']);
  });
});
