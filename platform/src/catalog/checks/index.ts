export { checkPublishable } from './checkPublishable';
export { checkCondition, formPropertyNames, schemaCompileIssues, type ConditionCodePrefix } from './checkCondition';
export { exceedsStatutory } from './checkTimeLimits';
