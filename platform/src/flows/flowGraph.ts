// The flow graph is shared with the staff app's flow editor: one rule in @matterflow/schemas.
export { buildFlowGraph, hasEdgeToEnd, reachableFrom, successors, type FlowGraph, type FlowVertex } from '@matterflow/schemas';
