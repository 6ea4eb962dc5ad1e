export { checkPublishable } from './checkPublishable';
export { checkFlowBudget, flowCheckInput } from './checkFlowBudget';
