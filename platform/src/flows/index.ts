export { checkFlow, type CheckFlowInput } from './checkFlow';
export { checkFlowBudgets } from './checkBudget';
export {
  FLOW_ACTIONS,
  FLOW_END,
  FLOW_ROLES,
  OWNER_DEPARTMENT,
  type DepartmentRef,
  type Flow,
  type FlowAction,
  type FlowBranch,
  type FlowCase,
  type FlowCondition,
  type FlowNext,
  type FlowNode,
  type FlowRole,
  type FlowStep,
  type FlowSwitch,
  type FlowTarget,
  type ParallelNode,
  type TaskNode,
  type TimeLimit,
  type TimeUnit,
} from './Flow';
export { ROLE_ACTIONS } from './roleActions';
export { nodeBudgetDays, longestPath, type WeightedPath } from './longestPath';
export type { SituationStart } from './flowRoots';
export { reachableNodes } from './reachableNodes';
export {
  allowedActions,
  applyFlowEvent,
  plannedPath,
  startFlow,
  FLOW_STATE_VERSION,
  type AllowedActions,
  type CoSigner,
  type FlowContext,
  type FlowEffect,
  type FlowEvent,
  type FlowEventType,
  type FlowGroup,
  type FlowState,
  type FlowStatus,
  type FlowTask,
  type FlowTransition,
  type PathEntry,
  type PlannedBranch,
  type PlannedPath,
  type PlannedStep,
  type TaskOpenReason,
  type TaskOutcome,
} from './interpreter';
