import type { Flow, ParallelNode } from '@matterflow/schemas';
import { describe, expect, it } from 'vitest';
import { chain, parallelFlow, task } from './flowFixtures';
import {
  addBranch,
  addParallelAfter,
  addStepInBranch,
  addTaskAfter,
  moveInParallel,
  moveNode,
  removeBranch,
  removeNode,
  removeStep,
  updateAt,
  type EditResult,
} from './flowEdits';

const ok = (result: EditResult) => {
  if ('refusal' in result) throw new Error(result.refusal);
  return result;
};
const order = (flow: Flow) => {
  const ids: string[] = [];
  for (let id = flow.start; id !== 'end';) {
    ids.push(id);
    const next = flow.nodes.find((n) => n.id === id)?.next;
    if (typeof next !== 'string') break;
    id = next;
  }
  return ids;
};

describe('flow edits', () => {
  it('adds a task after a node, which takes over its next', () => {
    const { flow, place } = ok(addTaskAfter(chain('a', 'b'), 0));
    expect(order(flow)).toEqual(['a', 'step1', 'b']);
    expect(place).toEqual({ node: 1 });
    expect(flow.nodes[1]).toMatchObject({ kind: 'task', name: '新环节', budgetDays: 1, next: 'b' });
  });

  it('adds a parallel block of two branches with ids unique across the flow', () => {
    const { flow } = ok(addParallelAfter(parallelFlow(), 0));
    const added = flow.nodes[1] as ParallelNode;
    expect(added).toMatchObject({ kind: 'parallel', completion: 'all', next: 'review' });
    expect(added.branches).toHaveLength(2);
    const ids = [added.id, ...added.branches.flatMap((b) => [b.id, ...b.steps.map((s) => s.id)])];
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).not.toContain('b1');
    expect(ids).not.toContain('s1');
  });

  it('keeps a switch when a task is put before it', () => {
    const flow: Flow = {
      start: 'a',
      nodes: [{ ...task('a', 1, { cases: [{ when: {}, to: 'b' }], otherwise: 'end' }) }, task('b', 1, 'end')],
    };
    const { flow: next } = ok(addTaskAfter(flow, 0));
    expect(next.nodes[0]?.next).toBe('step1');
    expect(next.nodes[1]?.next).toEqual({ cases: [{ when: {}, to: 'b' }], otherwise: 'end' });
  });

  it('adds a branch and a step inside a branch', () => {
    const withBranch = ok(addBranch(parallelFlow(), 1));
    expect((withBranch.flow.nodes[1] as ParallelNode).branches.map((b) => b.name)).toEqual(['甲', '乙', '分支3']);
    expect(withBranch.place).toEqual({ node: 1, branch: 2 });
    const withStep = ok(addStepInBranch(parallelFlow(), { node: 1, branch: 1, step: 0 }));
    expect((withStep.flow.nodes[1] as ParallelNode).branches[1]?.steps.map((s) => s.id)).toEqual(['s2', 'step1', 's3']);
    expect(withStep.place).toEqual({ node: 1, branch: 1, step: 1 });
    expect(addBranch(chain('a'), 0)).toEqual({ refusal: '所选环节不是并联环节' });
  });

  it('removes a node and leads its predecessors on to its next, the start included', () => {
    expect(order(ok(removeNode(chain('a', 'b', 'c'), 1)).flow)).toEqual(['a', 'c']);
    const first = ok(removeNode(chain('a', 'b'), 0)).flow;
    expect(first.start).toBe('b');
    expect(removeNode(chain('a'), 0)).toEqual({ refusal: '流程至少要有一个环节' });
    const caseTarget: Flow = {
      start: 'a',
      nodes: [task('a', 1, { cases: [{ when: {}, to: 'b' }], otherwise: 'c' }), task('b', 1, 'c'), task('c', 1, 'end')],
    };
    const removed = ok(removeNode(caseTarget, 1)).flow;
    expect(removed.nodes[0]?.next).toEqual({ cases: [{ when: {}, to: 'c' }], otherwise: 'c' });
  });

  it('will not remove the last branch pair or a branch’s only step', () => {
    expect(removeBranch(parallelFlow(), { node: 1, branch: 0 })).toEqual({ refusal: '并联环节至少要有两个分支' });
    expect(removeStep(parallelFlow(), { node: 1, branch: 0, step: 0 })).toHaveProperty('refusal');
    const removed = ok(removeStep(parallelFlow(), { node: 1, branch: 1, step: 0 })).flow;
    expect((removed.nodes[1] as ParallelNode).branches[1]?.steps.map((s) => s.id)).toEqual(['s3']);
  });

  it('moves a node up and down a plain chain, in the graph and in document order', () => {
    const up = ok(moveNode(chain('a', 'b', 'c'), 2, 'up'));
    expect(order(up.flow)).toEqual(['a', 'c', 'b']);
    expect(up.flow.nodes.map((n) => n.id)).toEqual(['a', 'c', 'b']);
    expect(up.place).toEqual({ node: 1 });
    const toStart = ok(moveNode(chain('a', 'b', 'c'), 1, 'up')).flow;
    expect(toStart.start).toBe('b');
    expect(order(toStart)).toEqual(['b', 'a', 'c']);
    expect(order(ok(moveNode(chain('a', 'b', 'c'), 0, 'down')).flow)).toEqual(['b', 'a', 'c']);
    expect(moveNode(chain('a', 'b'), 0, 'up')).toEqual({ refusal: '前面没有可交换的环节' });
    expect(moveNode(chain('a', 'b'), 1, 'down')).toEqual({ refusal: '后面没有可交换的环节' });
  });

  it('moves branches and steps inside a parallel block', () => {
    const right = ok(moveInParallel(parallelFlow(), { node: 1, branch: 0 }, 'down'));
    expect((right.flow.nodes[1] as ParallelNode).branches.map((b) => b.id)).toEqual(['b2', 'b1']);
    expect(right.place).toEqual({ node: 1, branch: 1 });
    const down = ok(moveInParallel(parallelFlow(), { node: 1, branch: 1, step: 0 }, 'down'));
    expect((down.flow.nodes[1] as ParallelNode).branches[1]?.steps.map((s) => s.id)).toEqual(['s3', 's2']);
    expect(moveInParallel(parallelFlow(), { node: 1, branch: 0 }, 'up')).toEqual({ refusal: '已是最边上的分支' });
  });

  it('updates fields where the clerk is, and removes a field set to nothing', () => {
    const flow = updateAt(parallelFlow(), { node: 1, branch: 1, step: 1 }, { budgetDays: 9, condition: { required: ['x'] } });
    expect((flow.nodes[1] as ParallelNode).branches[1]?.steps[1]).toMatchObject({
      id: 's3',
      budgetDays: 9,
      condition: { required: ['x'] },
    });
    const cleared = updateAt(flow, { node: 1, branch: 1, step: 1 }, { condition: undefined });
    expect((cleared.nodes[1] as ParallelNode).branches[1]?.steps[1]).not.toHaveProperty('condition');
    expect(updateAt(parallelFlow(), { node: 1 }, { lead: 'X' }).nodes[1]).toMatchObject({ lead: 'X' });
  });
});
