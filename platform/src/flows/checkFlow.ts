import type { FieldIssue } from '@matterflow/schemas';
import type { Flow, TimeLimit } from './Flow';
import { flowSites } from './flowSites';
import { checkFlowGraph, duplicateIdIssues } from './checkFlowGraph';
import { checkFlowSteps } from './checkFlowSteps';

const FLOW_POINTER = '/flow';

export interface CheckFlowInput {
  /** A flow that already passed `flow.schema.json`. */
  flow: Flow;
  /** 统一社会信用代码 of every department in the directory. */
  knownDepartments: ReadonlySet<string>;
  /** The matter's implementing body (`department.code`), for which `$owner` stands. */
  ownerDepartment: string;
  /** The matter's 承诺办结时限; budgets are compared with it. */
  promised: TimeLimit | undefined;
  /** Names of the matter's declared special procedures (特别程序). */
  specialProcedureNames: ReadonlySet<string>;
  /** Top-level field names of the form; conditions are not checked against the form when undefined. */
  formProperties: ReadonlySet<string> | undefined;
}

/**
 * Every static defect of a flow beyond its schema, all at once, each with a JSON pointer into the
 * matter document (`/flow/...`) and a Chinese message that names the step.
 */
export function checkFlow({
  flow,
  knownDepartments,
  ownerDepartment,
  promised,
  specialProcedureNames,
  formProperties,
}: CheckFlowInput): FieldIssue[] {
  const sites = flowSites({ flow, prefix: FLOW_POINTER });
  return [
    ...duplicateIdIssues(sites),
    ...checkFlowGraph({ flow, prefix: FLOW_POINTER, promised }),
    ...checkFlowSteps({ sites, context: { knownDepartments, ownerDepartment, promised, specialProcedureNames, formProperties } }),
  ];
}
