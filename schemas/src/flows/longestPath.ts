import type { Node } from '../generated/MatterDocument';
import { FLOW_END, type FlowGraph } from './flowGraph';

export interface WeightedPath {
  /** Node ids from start, excluding `end`. */
  path: string[];
  total: number;
}

/**
 * Working days a node can take at worst: a task's budget, or for a parallel node the slowest branch,
 * each branch being its steps in series. Conditional steps and branches count as present, because
 * the promise must hold for every applicant.
 */
export function nodeBudgetDays(node: Node): number {
  if (node.kind === 'task') return node.budgetDays;
  return Math.max(0, ...node.branches.map((branch) => branch.steps.reduce((sum, step) => sum + step.budgetDays, 0)));
}

/**
 * The heaviest path from `start` to `end`; undefined when no path reaches `end`. Loops are cut
 * (a node already on the path is not entered again), so callers should report cycles separately.
 */
export function longestPath({ graph, start }: { graph: FlowGraph; start: string }): WeightedPath | undefined {
  const memo = new Map<string, WeightedPath | undefined>();
  const onPath = new Set<string>();

  const best = (id: string): WeightedPath | undefined => {
    if (memo.has(id)) return memo.get(id);
    const vertex = graph.get(id);
    if (!vertex || onPath.has(id)) return undefined;
    onPath.add(id);
    let tail: WeightedPath | undefined;
    for (const edge of vertex.edges) {
      const candidate = edge.to === FLOW_END ? { path: [], total: 0 } : best(edge.to);
      if (candidate && (!tail || candidate.total > tail.total)) tail = candidate;
    }
    onPath.delete(id);
    const result = tail && { path: [id, ...tail.path], total: nodeBudgetDays(vertex.node) + tail.total };
    memo.set(id, result);
    return result;
  };

  return best(start);
}
