import type { FlowEdge } from './flowEdges';
import type { FlowGraph } from './flowGraph';

/** A `next` edge that closes a loop, and the node ids around that loop (first id repeated last). */
export interface FlowCycle {
  edge: FlowEdge;
  path: string[];
}

/**
 * One entry per back edge of a depth-first search in document order: each names a distinct loop
 * and points at the exact `next` field that closes it, which is what the clerk has to change.
 */
export function findCycles(graph: FlowGraph): FlowCycle[] {
  const cycles: FlowCycle[] = [];
  const done = new Set<string>();
  const stack: string[] = [];
  const onStack = new Set<string>();

  const visit = (id: string): void => {
    stack.push(id);
    onStack.add(id);
    for (const edge of graph.get(id)?.edges ?? []) {
      if (!graph.has(edge.to)) continue;
      if (onStack.has(edge.to)) {
        cycles.push({ edge, path: [...stack.slice(stack.indexOf(edge.to)), edge.to] });
      } else if (!done.has(edge.to)) {
        visit(edge.to);
      }
    }
    stack.pop();
    onStack.delete(id);
    done.add(id);
  };

  for (const id of graph.keys()) {
    if (!done.has(id)) visit(id);
  }
  return cycles;
}
