import type { TaskNode } from '../generated/MatterDocument';

/** A node's `next`: one target, or cases on the form data with an `otherwise`. */
export type FlowNext = TaskNode['next'];

/** One `next` edge and the pointer of the field that names its target. */
export interface FlowEdge {
  /** A node id or `end` (办结). */
  to: string;
  pointer: string;
}

/** The edges of a node's `next`, cases first, `otherwise` last; `nodePointer` is the node's own pointer. */
export function flowEdges({ next, nodePointer }: { next: FlowNext; nodePointer: string }): FlowEdge[] {
  if (typeof next === 'string') return [{ to: next, pointer: `${nodePointer}/next` }];
  const edges = next.cases.map((c, k) => ({ to: c.to, pointer: `${nodePointer}/next/cases/${k}/to` }));
  edges.push({ to: next.otherwise, pointer: `${nodePointer}/next/otherwise` });
  return edges;
}
