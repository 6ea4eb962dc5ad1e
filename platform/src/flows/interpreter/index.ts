export { allowedActions, type AllowedActions } from './allowedActions';
export { applyFlowEvent } from './applyFlowEvent';
export type { FlowContext } from './FlowContext';
export type { FlowEffect, FlowTransition, TaskOpenReason, TaskOutcome } from './FlowEffect';
export type { FlowEvent, FlowEventType } from './FlowEvent';
export {
  FLOW_STATE_VERSION,
  type CoSigner,
  type FlowGroup,
  type FlowState,
  type FlowStatus,
  type FlowTask,
  type PathEntry,
} from './FlowState';
export { plannedPath, type PlannedBranch, type PlannedPath, type PlannedStep } from './plannedPath';
export { startFlow } from './startFlow';
