export { checkCondition, formPropertyNames, schemaCompileIssues, type ConditionCodePrefix } from './checkCondition';
export { describeCondition } from './describeCondition';
export { evaluateCondition, installCompiledCondition } from './evaluateCondition';
