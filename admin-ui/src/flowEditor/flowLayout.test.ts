import type { Flow } from '@matterflow/schemas';
import { describe, expect, it } from 'vitest';
import { chain, parallelFlow, task } from './flowFixtures';
import { END_ID, layoutFlow, nodeSize, START_ID } from './flowLayout';

const rowOf = (flow: Flow) => {
  const layout = layoutFlow(flow);
  const ys = [...new Set(layout.nodes.map((n) => n.y))].sort((a, b) => a - b);
  return (id: string) => ys.indexOf(layout.nodes.find((n) => n.id === id)!.y);
};

describe('layoutFlow', () => {
  it('puts a chain top to bottom between 开始 and 办结', () => {
    const row = rowOf(chain('a', 'b', 'c'));
    expect(['__start', 'a', 'b', 'c', '__end'].map(row)).toEqual([0, 1, 2, 3, 4]);
    const { edges } = layoutFlow(chain('a', 'b'));
    expect(edges.map((e) => `${e.source}>${e.target}`)).toEqual([`${START_ID}>a`, 'a>b', `b>${END_ID}`]);
  });

  it('sizes a parallel block by its branches and deepest branch', () => {
    const node = parallelFlow().nodes[1]!;
    const size = nodeSize(node);
    expect(size.width).toBeGreaterThan(nodeSize(task('x', 1, 'end')).width);
    const wider = nodeSize({
      ...node,
      branches: [...(node.kind === 'parallel' ? node.branches : []), { id: 'b3', name: '丙', department: '$owner', steps: [] }],
    } as never);
    expect(wider.width).toBeGreaterThan(size.width);
  });

  it('puts the cases of a switch side by side, below the switch and above where they meet', () => {
    const flow: Flow = {
      start: 'a',
      nodes: [
        task('a', 1, { cases: [{ when: { required: ['x'] }, to: 'b', label: '需核查' }], otherwise: 'c' }),
        task('b', 1, 'd'),
        task('c', 1, 'd'),
        task('d', 1, 'end'),
      ],
    };
    const layout = layoutFlow(flow);
    const row = rowOf(flow);
    expect([row('a'), row('b'), row('c'), row('d')]).toEqual([1, 2, 2, 3]);
    const b = layout.nodes.find((n) => n.id === 'b')!;
    const c = layout.nodes.find((n) => n.id === 'c')!;
    expect(b.x + b.width).toBeLessThan(c.x);
    expect(layout.edges.filter((e) => e.source === 'a').map((e) => e.branch)).toEqual([0, 'otherwise']);
  });

  it('survives a loop and a node nothing reaches', () => {
    const flow: Flow = { start: 'a', nodes: [task('a', 1, 'b'), task('b', 1, 'a'), task('lonely', 1, 'end')] };
    const layout = layoutFlow(flow);
    expect(layout.nodes.map((n) => n.id).sort()).toEqual([END_ID, START_ID, 'a', 'b', 'lonely'].sort());
    expect(layout.edges.map((e) => `${e.source}>${e.target}`)).toContain('b>a');
  });
});
