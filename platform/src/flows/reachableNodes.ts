import type { Flow } from './Flow';
import { buildFlowGraph, reachableFrom } from './flowGraph';

/**
 * Ids of the nodes a case starting at `start` (the flow's start by default) can pass through, in
 * flow order: the steps the guide prints for one 办理情形.
 */
export function reachableNodes(flow: Flow, start: string = flow.start): Set<string> {
  const reachable = reachableFrom({ graph: buildFlowGraph({ flow, prefix: '' }), start });
  return new Set(flow.nodes.map((node) => node.id).filter((id) => reachable.has(id)));
}
