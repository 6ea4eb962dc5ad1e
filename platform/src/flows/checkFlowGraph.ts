import type { FieldIssue } from '@matterflow/schemas';
import { FLOW_END, type Flow, type TimeLimit } from './Flow';
import type { FlowSite } from './flowSites';
import { buildFlowGraph, hasEdgeToEnd, reachableFrom, type FlowGraph } from './flowGraph';
import { findCycles } from './findCycles';
import { longestPath } from './longestPath';
import { formatDuration } from '@matterflow/schemas';

function siteId(site: FlowSite): string {
  if (site.kind === 'node') return site.node.id;
  return site.kind === 'branch' ? site.branch.id : site.step.id;
}

function nodeName(graph: FlowGraph, id: string): string {
  const node = graph.get(id)?.node;
  return node ? `“${node.name}”（${id}）` : id;
}

/**
 * Ids must be unique across nodes, branches and steps: the runtime and the audit trail address them
 * all by id. Nodes claim their ids first, since `next` targets refer to them; the branch or step
 * that reuses a node's id is the one to rename.
 */
export function duplicateIdIssues(sites: readonly FlowSite[]): FieldIssue[] {
  const firstUse = new Map<string, FlowSite>();
  const issues: FieldIssue[] = [];
  const nodesFirst = [...sites.filter((site) => site.kind === 'node'), ...sites.filter((site) => site.kind !== 'node')];
  for (const site of nodesFirst) {
    const id = siteId(site);
    const first = firstUse.get(id);
    if (!first) {
      firstUse.set(id, site);
      continue;
    }
    issues.push({
      pointer: `${site.pointer}/id`,
      code: 'flow.duplicate_id',
      message: `标识“${id}”重复：${site.label}与${first.label}使用了同一标识`,
    });
  }
  return issues;
}

/**
 * Structure of the `next` graph: start, targets, reachability, loops, reaching 办结, and the longest
 * path's working days against the promise. Returns (退回) are runtime actions, never edges, so any
 * loop here is a defect.
 */
export function checkFlowGraph({
  flow,
  prefix,
  promised,
}: {
  flow: Flow;
  prefix: string;
  promised: TimeLimit | undefined;
}): FieldIssue[] {
  const graph = buildFlowGraph({ flow, prefix });
  const issues: FieldIssue[] = [];
  const hasStart = graph.has(flow.start);
  if (!hasStart) {
    issues.push({ pointer: `${prefix}/start`, code: 'flow.start_unknown', message: `起始节点“${flow.start}”不是流程中的节点` });
  }

  for (const { node, edges } of graph.values()) {
    for (const edge of edges) {
      if (edge.to === FLOW_END || graph.has(edge.to)) continue;
      issues.push({
        pointer: edge.pointer,
        code: 'flow.target_unknown',
        message: `${nodeName(graph, node.id)}的后继“${edge.to}”既不是流程节点，也不是办结（end）`,
      });
    }
  }

  // Without a known start, every node would read as unreachable; the start issue says it all.
  const reachable = hasStart ? reachableFrom({ graph, start: flow.start }) : undefined;
  if (reachable) {
    for (const [id, vertex] of graph) {
      if (reachable.has(id)) continue;
      issues.push({
        pointer: vertex.pointer,
        code: 'flow.unreachable',
        message: `${vertex.node.kind === 'parallel' ? '并联环节' : '环节'}${nodeName(graph, id)}从起始节点不可达`,
      });
    }
  }

  const cycles = findCycles(graph);
  for (const cycle of cycles) {
    issues.push({
      pointer: cycle.edge.pointer,
      code: 'flow.cycle',
      message: `流程存在循环：${cycle.path.map((id) => nodeName(graph, id)).join(' → ')}；退回请使用“退回”操作，不要用流转连线`,
    });
  }

  if (reachable && !hasEdgeToEnd({ graph, ids: reachable })) {
    issues.push({ pointer: prefix, code: 'flow.no_end', message: '从起始节点出发没有任何路径到达办结（end）' });
  }

  const unit = promised?.unit ?? 'workday';
  // 即办件 (promise 0) are reported step by step as flow.instant_budget; a 月 promise is not
  // comparable with working-day budgets without the holiday calendar.
  const shouldCompareBudget = hasStart && promised !== undefined && promised.value > 0 && unit !== 'month' && cycles.length === 0;
  if (shouldCompareBudget) {
    const longest = longestPath({ graph, start: flow.start });
    // Budgets are working days; N working days never span fewer than N calendar days, so a sum
    // above a 自然日 promise exceeds it for certain (a sum below may still exceed; the clock warns then).
    if (longest && longest.total > promised.value) {
      issues.push({
        pointer: prefix,
        code: 'flow.budget_exceeds_promise',
        message: `最长办理路径 ${longest.path.map((id) => nodeName(graph, id)).join(' → ')} 的环节时限合计 ${longest.total} 个工作日，超过承诺办结时限 ${formatDuration({ value: promised.value, unit })}`,
      });
    }
  }
  return issues;
}
