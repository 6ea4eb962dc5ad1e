import { describe, expect, it } from 'vitest';
import { FIRE, FlowDriver, HEALTH, contextOf, jointFlow, jointParts } from './flows.fixture';

const withAirConditioning = contextOf({ hasCentralAirConditioning: true });

describe('parallel review (并联审批)', () => {
  it('会签: one task per branch in its department, the lead on the group, join after every branch', () => {
    const flow = new FlowDriver(jointFlow('all'), withAirConditioning);
    const effects = flow.pass('accept');
    expect(effects).toContainEqual({
      type: 'groupStarted',
      nodeId: 'joint',
      lead: FIRE,
      completion: 'all',
      branches: ['fireBranch', 'healthBranch'],
      notStarted: [],
    });
    expect(flow.state.tasks.map((t) => [t.stepId, t.branchId, t.department])).toEqual([
      ['fireInspect', 'fireBranch', FIRE],
      ['healthReview', 'healthBranch', HEALTH],
    ]);
    expect(flow.state.groups).toEqual([
      { nodeId: 'joint', lead: FIRE, completion: 'all', started: ['fireBranch', 'healthBranch'], finished: [] },
    ]);

    flow.pass('healthReview', 'u-health');
    expect(flow.openSteps()).toEqual(['fireInspect']);
    expect(flow.state.groups[0]?.finished).toEqual(['healthBranch']);

    // A branch runs its steps in series.
    flow.pass('fireInspect', 'u-fire');
    expect(flow.openSteps()).toEqual(['fireSign']);
    expect(flow.pass('fireSign', 'u-fire')).toContainEqual({
      type: 'groupJoined',
      nodeId: 'joint',
      finished: ['healthBranch', 'fireBranch'],
      cancelled: [],
    });
    expect(flow.state.groups).toEqual([]);
    expect(flow.openSteps()).toEqual(['decide']);
  });

  it('或签: the first branch to finish joins and cancels the others’ tasks', () => {
    const flow = new FlowDriver(jointFlow('any'), withAirConditioning);
    flow.pass('accept');
    flow.pass('fireInspect', 'u-fire');
    const healthTask = flow.taskAt('healthReview').id;
    const fireSign = flow.taskAt('fireSign').id;
    const effects = flow.pass('healthReview', 'u-health');
    expect(effects).toContainEqual({ type: 'taskClosed', taskId: fireSign, outcome: 'cancelled' });
    expect(effects).toContainEqual({
      type: 'groupJoined',
      nodeId: 'joint',
      finished: ['healthBranch'],
      cancelled: ['fireBranch'],
    });
    expect(effects).toContainEqual({ type: 'taskClosed', taskId: healthTask, outcome: 'approved' });
    expect(flow.openSteps()).toEqual(['decide']);
  });

  it('a branch whose condition fails is not started; one branch left is still a group', () => {
    const flow = new FlowDriver(jointFlow('all'), contextOf({ hasCentralAirConditioning: false }));
    expect(flow.pass('accept')).toContainEqual(
      expect.objectContaining({ type: 'groupStarted', branches: ['fireBranch'], notStarted: ['healthBranch'] }),
    );
    expect(flow.openSteps()).toEqual(['fireInspect']);
    flow.pass('fireInspect');
    expect(flow.pass('fireSign')).toContainEqual({
      type: 'groupJoined',
      nodeId: 'joint',
      finished: ['fireBranch'],
      cancelled: [],
    });
  });

  it('no branch applies: the parallel node is skipped; a failing node condition skips it too', () => {
    const flowDoc = jointFlow('all');
    const { joint, fire } = jointParts(flowDoc);
    fire.condition = { properties: { floorArea: { minimum: 1000 } }, required: ['floorArea'] };
    const flow = new FlowDriver(flowDoc, contextOf({ floorArea: 10 }));
    expect(flow.pass('accept')).toContainEqual({ type: 'groupSkipped', nodeId: 'joint' });
    expect(flow.openSteps()).toEqual(['decide']);

    joint.condition = { required: ['neverThere'] };
    const skipped = new FlowDriver(flowDoc, contextOf({ floorArea: 2000, hasCentralAirConditioning: true }));
    expect(skipped.pass('accept')).toContainEqual({ type: 'groupSkipped', nodeId: 'joint' });
  });

  it('a branch step without its own department works for the branch’s department', () => {
    const flowDoc = jointFlow('all');
    jointParts(flowDoc).health.department = '$owner';
    const flow = new FlowDriver(flowDoc, withAirConditioning);
    flow.pass('accept');
    expect(flow.taskAt('healthReview').department).toBe(flow.context.ownerDepartment);
    expect(flow.taskAt('fireInspect').department).toBe(FIRE);
  });
});
