import type { FieldIssue, WorkCalendar } from '@matterflow/schemas';
import type { Flow, TimeLimit } from './Flow';
import { flowSites } from './flowSites';
import { checkFlowGraph, duplicateIdIssues } from './checkFlowGraph';
import { checkFlowSteps } from './checkFlowSteps';
import { buildFlowGraph, reachableFrom } from './flowGraph';
import { flowRoots, type SituationStart } from './flowRoots';

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
  /** The matter's 办理情形: each is one more root of the flow, held to its own promise. */
  situationStarts?: readonly SituationStart[];
  /** The working-day calendar step budgets are compared with the promise on (plain weeks when absent). */
  calendar?: WorkCalendar;
}

/** Nodes a root promising 当场办结 reaches: their steps may take no working day. */
function instantNodes(flow: Flow, promised: TimeLimit | undefined, situationStarts: readonly SituationStart[]): Set<string> {
  const graph = buildFlowGraph({ flow, prefix: FLOW_POINTER });
  const nodes = new Set<string>();
  for (const root of flowRoots({ flow, prefix: FLOW_POINTER, promised, situationStarts })) {
    if (root.promised?.value !== 0) continue;
    for (const id of reachableFrom({ graph, start: root.start })) nodes.add(id);
  }
  return nodes;
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
  situationStarts = [],
  calendar,
}: CheckFlowInput): FieldIssue[] {
  const sites = flowSites({ flow, prefix: FLOW_POINTER });
  // Without situations a 即办件's whole flow is instant, reachable or not (flow.unreachable says the rest).
  const instant = situationStarts.length > 0 ? instantNodes(flow, promised, situationStarts) : undefined;
  return [
    ...duplicateIdIssues(sites),
    ...checkFlowGraph({ flow, prefix: FLOW_POINTER, promised, situationStarts, calendar }),
    ...checkFlowSteps({
      sites,
      context: { knownDepartments, ownerDepartment, promised, instantNodes: instant, specialProcedureNames, formProperties },
    }),
  ];
}
