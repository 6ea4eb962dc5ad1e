export { flowEdges, type FlowEdge, type FlowNext } from './flowEdges';
export {
  FLOW_END,
  buildFlowGraph,
  hasEdgeToEnd,
  nodePointer,
  reachableFrom,
  successors,
  type FlowGraph,
  type FlowVertex,
} from './flowGraph';
export { longestPath, nodeBudgetDays, type WeightedPath } from './longestPath';
export { budgetAgainstPromise, type BudgetAgainstPromise } from './budgetAgainstPromise';
