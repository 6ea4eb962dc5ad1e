import type { Flow, FlowNode } from './Flow';
import { buildFlowGraph, reachableFrom } from './flowGraph';

/**
 * The nodes a case starting at `start` (the flow's start by default) can pass through, nearest
 * first (breadth-first along `next`): the steps the guide prints for one 办理情形, in the order an
 * applicant meets them.
 */
export function reachableNodes(flow: Flow, start: string = flow.start): FlowNode[] {
  const graph = buildFlowGraph({ flow, prefix: '' });
  return [...reachableFrom({ graph, start })].flatMap((id) => graph.get(id)?.node ?? []);
}
