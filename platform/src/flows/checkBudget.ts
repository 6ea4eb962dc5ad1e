import { budgetAgainstPromise, describeExcess, formatDuration, type FieldIssue, type WorkCalendar } from '@matterflow/schemas';
import type { Flow, TimeLimit } from './Flow';
import { findCycles } from './findCycles';
import { buildFlowGraph, type FlowGraph } from './flowGraph';
import { flowRoots, type FlowRoot, type SituationStart } from './flowRoots';

function nodeName(graph: FlowGraph, id: string): string {
  const node = graph.get(id)?.node;
  return node ? `“${node.name}”（${id}）` : id;
}

/**
 * Σ step budgets on the longest path from one root against the promise that root is held to: the
 * flow's start against the matter's promise, a situation's start against the situation's. The one
 * comparison of budgets with a promise, for every root.
 */
export function checkBudget({
  graph,
  root,
  calendar,
}: {
  graph: FlowGraph;
  root: FlowRoot;
  calendar?: WorkCalendar;
}): FieldIssue[] {
  const { promised } = root;
  // A promise of 0 (当场办结) is reported step by step as flow.instant_budget.
  if (promised === undefined || promised.value === 0) return [];
  const budget = budgetAgainstPromise({ graph, start: root.start, promised, ...(calendar ? { calendar } : {}) });
  if (!budget?.comparison.exceeds) return [];
  const { longest, comparison } = budget;
  const { unit } = budget.promised;
  const path = longest.path.map((id) => nodeName(graph, id)).join(' → ');
  const promise =
    formatDuration({ value: promised.value, unit }) +
    describeExcess(comparison, { longer: '环节时限', shorter: '承诺时限', isSameUnit: unit === 'workday' });
  return [
    {
      pointer: root.pointer,
      code: 'flow.budget_exceeds_promise',
      message:
        root.situation === undefined
          ? `最长办理路径 ${path} 的环节时限合计 ${longest.total} 个工作日，超过承诺办结时限 ${promise}`
          : `${root.situation}的最长办理路径 ${path} 的环节时限合计 ${longest.total} 个工作日，超过本情形承诺办结时限 ${promise}`,
    },
  ];
}

/**
 * flow.budget_exceeds_promise alone, for a whole catalog (the quality report): what checkFlowGraph
 * reports under that code, without the flow's other checks. A flow without its start or with a
 * loop has no longest path (checkFlow reports why).
 */
export function checkFlowBudgets({
  flow,
  promised,
  situationStarts = [],
  calendar,
}: {
  flow: Flow;
  promised: TimeLimit | undefined;
  situationStarts?: readonly SituationStart[];
  calendar?: WorkCalendar;
}): FieldIssue[] {
  const prefix = '/flow';
  const graph = buildFlowGraph({ flow, prefix });
  if (!graph.has(flow.start) || findCycles(graph).length > 0) return [];
  return flowRoots({ flow, prefix, promised, situationStarts })
    .filter((root) => graph.has(root.start))
    .flatMap((root) => checkBudget({ graph, root, ...(calendar ? { calendar } : {}) }));
}
