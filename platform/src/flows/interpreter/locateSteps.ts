import type { Flow, FlowBranch, FlowStep, ParallelNode } from '../Flow';
import { flowSites } from '../flowSites';

/** Where a step sits: a task node on its own, or step `index` of a branch of a parallel node. */
export type StepPlace =
  | { kind: 'node'; step: FlowStep; nodeId: string }
  | { kind: 'branch'; step: FlowStep; nodeId: string; parent: ParallelNode; branch: FlowBranch; index: number };

/** Every step by id (ids are unique across nodes, branches and steps in a checked flow). */
export function locateSteps(flow: Flow): ReadonlyMap<string, StepPlace> {
  const places = new Map<string, StepPlace>();
  for (const site of flowSites({ flow, prefix: '' })) {
    if (site.kind === 'node' && site.node.kind === 'task') {
      places.set(site.node.id, { kind: 'node', step: site.node, nodeId: site.node.id });
    }
    if (site.kind !== 'branch') continue;
    const { branch, parent } = site;
    branch.steps.forEach((step, index) => {
      places.set(step.id, { kind: 'branch', step, nodeId: parent.id, parent, branch, index });
    });
  }
  return places;
}
