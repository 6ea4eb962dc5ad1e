import { formatDuration, type FieldIssue } from '@matterflow/schemas';
import type { FlowGraph } from './flowGraph';
import type { FlowRoot } from './flowRoots';
import { longestPath } from './longestPath';

function nodeName(graph: FlowGraph, id: string): string {
  const node = graph.get(id)?.node;
  return node ? `“${node.name}”（${id}）` : id;
}

/**
 * Σ step budgets on the longest path from one root against the promise that root is held to: the
 * flow's start against the matter's promise, a situation's start against the situation's. The one
 * comparison of budgets with a promise, for every root.
 */
export function checkBudget({ graph, root }: { graph: FlowGraph; root: FlowRoot }): FieldIssue[] {
  const { promised } = root;
  const unit = promised?.unit ?? 'workday';
  // A promise of 0 (当场办结) is reported step by step as flow.instant_budget; a 月 promise is not
  // comparable with working-day budgets without the holiday calendar.
  if (!graph.has(root.start) || promised === undefined || promised.value === 0 || unit === 'month') return [];
  const longest = longestPath({ graph, start: root.start });
  // Budgets are working days; N working days never span fewer than N calendar days, so a sum
  // above a 自然日 promise exceeds it for certain (a sum below may still exceed; the clock warns then).
  if (!longest || longest.total <= promised.value) return [];
  const path = longest.path.map((id) => nodeName(graph, id)).join(' → ');
  const promise = formatDuration({ value: promised.value, unit });
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
