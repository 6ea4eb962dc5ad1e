import type { FieldIssue, WorkCalendar } from '@matterflow/schemas';
import { FLOW_END, type Flow, type TimeLimit } from './Flow';
import type { FlowSite } from './flowSites';
import { buildFlowGraph, hasEdgeToEnd, reachableFrom, type FlowGraph } from './flowGraph';
import { findCycles } from './findCycles';
import { checkBudget } from './checkBudget';
import { flowRoots, type SituationStart } from './flowRoots';

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
 * loop here is a defect. Each 办理情形 with a `flowStart` is one more root: its nodes are reachable,
 * it must reach 办结, and its longest path is held to the situation's own promise.
 */
export function checkFlowGraph({
  flow,
  prefix,
  promised,
  situationStarts = [],
  calendar,
}: {
  flow: Flow;
  prefix: string;
  promised: TimeLimit | undefined;
  situationStarts?: readonly SituationStart[];
  /** The working-day calendar budgets are compared with promises on. */
  calendar?: WorkCalendar;
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

  // A situation whose flowStart names no node is reported by the situation checks and adds no root.
  const roots = flowRoots({ flow, prefix, promised, situationStarts }).filter((root) => graph.has(root.start));
  const startWords = roots.length > 1 ? '从起始节点及各办理情形的流程起点均' : '从起始节点';
  // Without a known start, every node would read as unreachable; the start issue says it all.
  const reachable = hasStart ? new Set(roots.flatMap((root) => [...reachableFrom({ graph, start: root.start })])) : undefined;
  if (reachable) {
    for (const [id, vertex] of graph) {
      if (reachable.has(id)) continue;
      issues.push({
        pointer: vertex.pointer,
        code: 'flow.unreachable',
        message: `${vertex.node.kind === 'parallel' ? '并联环节' : '环节'}${nodeName(graph, id)}${startWords}不可达`,
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

  if (hasStart) {
    const checkedStarts = new Set<string>();
    for (const root of roots) {
      if (checkedStarts.has(root.start)) continue;
      checkedStarts.add(root.start);
      if (hasEdgeToEnd({ graph, ids: reachableFrom({ graph, start: root.start }) })) continue;
      issues.push({
        pointer: root.pointer,
        code: 'flow.no_end',
        message:
          root.situation === undefined
            ? '从起始节点出发没有任何路径到达办结（end）'
            : `${root.situation}从流程起点“${root.start}”出发没有任何路径到达办结（end）`,
      });
    }
  }

  // Loops make "the longest path" meaningless; flow.cycle says what to fix first.
  if (hasStart && cycles.length === 0) {
    for (const root of roots) issues.push(...checkBudget({ graph, root, calendar }));
  }
  return issues;
}
