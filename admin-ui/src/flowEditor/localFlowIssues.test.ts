import { describe, expect, it } from 'vitest';
import { chain, parallelFlow, task } from './flowFixtures';
import { localFlowIssues, mergeIssues } from './localFlowIssues';
import { placeOf, placePointer } from './FlowPlace';

describe('localFlowIssues', () => {
  it('finds nothing in a sound flow', () => {
    expect(localFlowIssues(parallelFlow())).toEqual([]);
  });

  it('names the step of a blank name, a bad budget, a duplicate id, an unknown target', () => {
    const flow = parallelFlow();
    const issues = localFlowIssues({
      ...flow,
      nodes: [{ ...task('accept', 400, 'nowhere'), name: ' ' }, flow.nodes[1]!, task('s1', 1.5, 'end')],
    });
    expect(issues.map((i) => [i.pointer, i.code])).toEqual([
      ['/flow/nodes/0/name', 'schema.minLength'],
      ['/flow/nodes/0/budgetDays', 'schema.maximum'],
      ['/flow/nodes/2/id', 'flow.duplicate_id'],
      ['/flow/nodes/2/budgetDays', 'schema.type'],
      ['/flow/nodes/0/next', 'flow.target_unknown'],
      // “decide” was replaced by the duplicate, so the parallel block now leads nowhere.
      ['/flow/nodes/1/next', 'flow.target_unknown'],
    ]);
    const blankBranch = parallelFlow();
    if (blankBranch.nodes[1]?.kind === 'parallel') blankBranch.nodes[1].branches[1]!.name = '';
    expect(localFlowIssues(blankBranch)).toEqual([
      { pointer: '/flow/nodes/1/branches/1/name', code: 'schema.minLength', message: '请填写分支名称' },
    ]);
    expect(localFlowIssues({ ...chain('a'), start: 'zz' })).toEqual([
      { pointer: '/flow/start', code: 'flow.start_unknown', message: '起始节点“zz”不存在' },
    ]);
  });

  it('keeps the server’s word when both say the same thing', () => {
    const server = [{ pointer: '/flow/nodes/0/name', code: 'schema.minLength', message: '服务器' }];
    const local = [
      { pointer: '/flow/nodes/0/name', code: 'schema.minLength', message: '本地' },
      { pointer: '/flow/nodes/1/name', code: 'schema.minLength', message: '本地' },
    ];
    expect(mergeIssues(server, local).map((i) => i.message)).toEqual(['服务器', '本地']);
  });
});

describe('FlowPlace', () => {
  it('reads the place an issue points into, and writes it back', () => {
    expect(placeOf('/flow/nodes/2/budgetDays')).toEqual({ node: 2 });
    expect(placeOf('/flow/nodes/1/branches/0')).toEqual({ node: 1, branch: 0 });
    expect(placeOf('/flow/nodes/1/branches/0/steps/3/condition/properties')).toEqual({ node: 1, branch: 0, step: 3 });
    expect(placeOf('/flow/start')).toBeUndefined();
    expect(placeOf('/flow/nodes/12x')).toBeUndefined();
    expect(placePointer({ node: 1, branch: 0, step: 3 })).toBe('/flow/nodes/1/branches/0/steps/3');
  });
});
