import { describe, expect, it } from 'vitest';
import { metaSchemas } from './metaSchemas';
import { toFieldIssues } from './fieldIssues';

const task = { id: 'accept', kind: 'task', name: '受理', role: 'window', budgetDays: 1, next: 'joint' };
const step = { id: 'fire', name: '消防审查', role: 'reviewer', budgetDays: 3 };
const parallel = {
  id: 'joint',
  kind: 'parallel',
  name: '联合审查',
  lead: '$owner',
  completion: 'all',
  next: 'end',
  branches: [
    { id: 'b1', name: '消防', department: '$owner', steps: [step] },
    { id: 'b2', name: '公安', department: '$owner', steps: [{ ...step, id: 'police', name: '治安审查' }] },
  ],
};

function issues(flow: unknown) {
  const { flow: validate } = metaSchemas();
  return validate(flow) ? [] : toFieldIssues(validate.errors, '/flow');
}

describe('flow.schema.json', () => {
  it('accepts serial steps and a parallel approval', () => {
    expect(issues({ start: 'accept', nodes: [task, parallel] })).toEqual([]);
  });

  it('points at an unknown property of a task node or of a branch step, with only its own kind’s errors', () => {
    const found = issues({
      start: 'accept',
      nodes: [
        { ...task, bogus: 1 },
        { ...parallel, branches: [{ ...parallel.branches[0], steps: [{ ...step, next: 'end' }] }, parallel.branches[1]] },
      ],
    });
    expect(found.map((i) => i.pointer)).toEqual(['/flow/nodes/0/bogus', '/flow/nodes/1/branches/0/steps/0/next']);
    expect(found.every((i) => i.message.startsWith('不允许的属性'))).toBe(true);
  });

  it('requires next on a task node and refuses "end" as a node id', () => {
    const { next: _next, ...withoutNext } = task;
    const pointers = issues({ start: 'end', nodes: [{ ...withoutNext, id: 'end' }] }).map((i) => i.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/flow/nodes/0/next', '/flow/nodes/0/id', '/flow/start']));
  });
});
