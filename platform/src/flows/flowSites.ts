import { nodePointer } from '@matterflow/schemas';
import type { FlowBranch, FlowNode, FlowStep, ParallelNode, Flow } from './Flow';

/** A place in the flow that issues can point at, with the label clerks know it by. */
export type FlowSite =
  | { kind: 'node'; node: FlowNode; index: number; pointer: string; label: string }
  | { kind: 'branch'; branch: FlowBranch; parent: ParallelNode; pointer: string; label: string }
  | { kind: 'step'; step: FlowStep; pointer: string; label: string };

/** A unit of work (task node or branch step) with where it sits. */
export interface WorkItem {
  item: FlowStep;
  /** The task node itself, or the parallel node the step's branch belongs to. */
  nodeId: string;
  pointer: string;
  label: string;
}

export function nodeLabel(node: FlowNode): string {
  return node.kind === 'parallel' ? `并联环节“${node.name}”（${node.id}）` : `环节“${node.name}”（${node.id}）`;
}

/** Every node, branch and branch step in document order. */
export function flowSites({ flow, prefix }: { flow: Flow; prefix: string }): FlowSite[] {
  const sites: FlowSite[] = [];
  flow.nodes.forEach((node, index) => {
    const pointer = nodePointer(index, prefix);
    sites.push({ kind: 'node', node, index, pointer, label: nodeLabel(node) });
    if (node.kind !== 'parallel') return;
    node.branches.forEach((branch, b) => {
      const branchPointer = `${pointer}/branches/${b}`;
      sites.push({ kind: 'branch', branch, parent: node, pointer: branchPointer, label: `分支“${branch.name}”（${branch.id}）` });
      branch.steps.forEach((step, s) => {
        sites.push({
          kind: 'step',
          step,
          pointer: `${branchPointer}/steps/${s}`,
          label: `分支“${branch.name}”的环节“${step.name}”（${step.id}）`,
        });
      });
    });
  });
  return sites;
}

/** Task nodes and branch steps: everything that has a role, a budget and actions. */
export function workItems(sites: readonly FlowSite[]): WorkItem[] {
  const items: WorkItem[] = [];
  let nodeId = '';
  for (const site of sites) {
    if (site.kind === 'node') nodeId = site.node.id;
    if (site.kind === 'step') items.push({ item: site.step, nodeId, pointer: site.pointer, label: site.label });
    if (site.kind === 'node' && site.node.kind === 'task')
      items.push({ item: site.node, nodeId, pointer: site.pointer, label: site.label });
  }
  return items;
}
