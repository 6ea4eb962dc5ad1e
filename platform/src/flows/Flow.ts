/**
 * The flow DSL as `schemas/flow.schema.json` describes it. These types assume the document already
 * passed that schema; nothing here re-validates structure.
 */

export const FLOW_ROLES = ['window', 'reviewer', 'chief'] as const;
export type FlowRole = (typeof FLOW_ROLES)[number];

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
] as const;
export type FlowAction = (typeof FLOW_ACTIONS)[number];

/** A JSON Schema the applicant's form data must satisfy. */
export type FlowCondition = Record<string, unknown>;

/** `$owner` (the matter's implementing body) or a 统一社会信用代码. */
export type DepartmentRef = string;

/** A node id or `end` (办结). */
export type FlowTarget = string;

export const FLOW_END = 'end';
export const OWNER_DEPARTMENT = '$owner';

export interface FlowCase {
  when: FlowCondition;
  to: FlowTarget;
  label?: string;
}

export interface FlowSwitch {
  cases: FlowCase[];
  otherwise: FlowTarget;
}

export type FlowNext = FlowTarget | FlowSwitch;

/** One unit of work for one role: a task node, or a step inside a parallel branch. */
export interface FlowStep {
  id: string;
  name: string;
  role: FlowRole;
  department?: DepartmentRef;
  /** Working days. */
  budgetDays: number;
  actions?: FlowAction[];
  condition?: FlowCondition;
  specialProcedures?: string[];
}

export interface TaskNode extends FlowStep {
  kind: 'task';
  next: FlowNext;
}

export interface FlowBranch {
  id: string;
  name: string;
  department: DepartmentRef;
  condition?: FlowCondition;
  steps: FlowStep[];
}

export interface ParallelNode {
  id: string;
  kind: 'parallel';
  name: string;
  lead: DepartmentRef;
  /** 会签 (all) or 或签 (any). */
  completion: 'all' | 'any';
  condition?: FlowCondition;
  branches: FlowBranch[];
  next: FlowNext;
}

export type FlowNode = TaskNode | ParallelNode;

export interface Flow {
  start: string;
  allowsDeemedApproval?: boolean;
  nodes: FlowNode[];
}

export type TimeUnit = 'workday' | 'day' | 'month';

/** A statutory or promised time limit (法定/承诺办结时限). */
export interface TimeLimit {
  value: number;
  unit?: TimeUnit;
  explain?: string;
}
