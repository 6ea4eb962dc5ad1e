/**
 * The flow DSL as `schemas/flow.schema.json` describes it. The shapes are the generated ones
 * (`npm run gen:types`), so the schema stays the single source; these names only make the checks
 * read well. They assume the document already passed the schema.
 */
import type {
  Branch,
  Duration,
  Flow as GeneratedFlow,
  Node,
  ParallelNode as GeneratedParallelNode,
  StepFields as Step,
  TaskNode as GeneratedTaskNode,
} from '@matterflow/schemas';

export type Flow = GeneratedFlow;
export type FlowNode = Node;
export type TaskNode = GeneratedTaskNode;
export type ParallelNode = GeneratedParallelNode;
export type FlowBranch = Branch;
/** One unit of work for one role: a task node, or a step inside a parallel branch. */
export type FlowStep = Step | TaskNode;
export type FlowRole = Step['role'];
export type FlowAction = NonNullable<Step['actions']>[number];
export type FlowNext = TaskNode['next'];
export type FlowSwitch = Exclude<FlowNext, string>;
export type FlowCase = FlowSwitch['cases'][number];
/** A JSON Schema the applicant's form data must satisfy. */
export type FlowCondition = FlowCase['when'];
/** `$owner` (the matter's implementing body) or a 统一社会信用代码. */
export type DepartmentRef = string;
/** A node id or `end` (办结). */
export type FlowTarget = string;

export const FLOW_ROLES = ['window', 'reviewer', 'chief'] as const satisfies readonly FlowRole[];
export const FLOW_ACTIONS = [
  'accept',
  'reject',
  'supplement',
  'complete',
  'approve',
  'return',
  'transfer',
  'delegate',
  'addSigner',
  'specialProcedure',
  'decide',
  'deny',
  'urge',
  'terminate',
] as const satisfies readonly FlowAction[];

export const FLOW_END = 'end';
export const OWNER_DEPARTMENT = '$owner';

/** A statutory or promised time limit (法定/承诺办结时限). */
export type TimeLimit = Duration;
export type TimeUnit = NonNullable<Duration['unit']>;
