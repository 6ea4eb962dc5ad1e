import type { Flow, Node } from '../generated/MatterDocument';
import { flowEdges, type FlowEdge } from './flowEdges';

/** The target that ends a case (办结): not a node. */
export const FLOW_END = 'end';

export interface FlowVertex {
  node: Node;
  pointer: string;
  edges: FlowEdge[];
}

/** Nodes by id; when an id is duplicated the first node keeps it (the duplicate is reported apart). */
export type FlowGraph = ReadonlyMap<string, FlowVertex>;

export function nodePointer(index: number, prefix: string): string {
  return `${prefix}/nodes/${index}`;
}

export function buildFlowGraph({ flow, prefix }: { flow: Flow; prefix: string }): FlowGraph {
  const graph = new Map<string, FlowVertex>();
  flow.nodes.forEach((node, index) => {
    if (graph.has(node.id)) return;
    const pointer = nodePointer(index, prefix);
    graph.set(node.id, { node, pointer, edges: flowEdges({ next: node.next, nodePointer: pointer }) });
  });
  return graph;
}

/** Successor node ids of a vertex, in edge order, without `end` and unknown targets. */
export function successors(graph: FlowGraph, id: string): string[] {
  const vertex = graph.get(id);
  if (!vertex) return [];
  return vertex.edges.map((edge) => edge.to).filter((to) => to !== FLOW_END && graph.has(to));
}

export function reachableFrom({ graph, start }: { graph: FlowGraph; start: string }): Set<string> {
  const seen = new Set<string>();
  if (!graph.has(start)) return seen;
  const queue = [start];
  seen.add(start);
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const to of successors(graph, id)) {
      if (seen.has(to)) continue;
      seen.add(to);
      queue.push(to);
    }
  }
  return seen;
}

/** Whether any node in `ids` has an edge straight to `end`. */
export function hasEdgeToEnd({ graph, ids }: { graph: FlowGraph; ids: Iterable<string> }): boolean {
  for (const id of ids) {
    if (graph.get(id)?.edges.some((edge) => edge.to === FLOW_END)) return true;
  }
  return false;
}
