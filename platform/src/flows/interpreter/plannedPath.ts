import { FLOW_END, type Flow, type FlowBranch, type FlowTarget } from '../Flow';
import type { FlowContext } from './FlowContext';
import { emptyFlowState, type FlowState } from './FlowState';
import { createRun, holds, resolveNext, type Run } from './Run';
import { entryNode } from './startFlow';

export interface PlannedBranch {
  branchId: string;
  name: string;
  budgetDays: number;
}

export interface PlannedStep {
  nodeId: string;
  name: string;
  /** A task's budget; for a parallel node its slowest branch still to run. */
  budgetDays: number;
  /** The node the case is at now. */
  isCurrent: boolean;
  branches: PlannedBranch[];
}

export interface PlannedPath {
  steps: PlannedStep[];
  totalDays: number;
}

function branchDays(run: Run, branch: FlowBranch, from: number): number {
  return branch.steps.slice(from).reduce((sum, step) => sum + (holds(run, step.condition) ? step.budgetDays : 0), 0);
}

/** The node at `target` and every node after it that applies to this applicant. */
function walk(run: Run, target: FlowTarget, steps: PlannedStep[]): void {
  let at = target;
  // A flow that skipped the publish checks may loop; the portal's line must still come back.
  const seen = new Set<string>(steps.map((step) => step.nodeId));
  while (at !== FLOW_END && !seen.has(at)) {
    seen.add(at);
    const node = run.graph.get(at)?.node;
    if (!node) return;
    at = resolveNext(run, node.next);
    if (!holds(run, node.condition)) continue;
    if (node.kind === 'task') {
      steps.push({ nodeId: node.id, name: node.name, budgetDays: node.budgetDays, isCurrent: false, branches: [] });
      continue;
    }
    const chosen = run.state.branchChoice?.[node.id];
    const branches = node.branches
      .filter((branch) => (chosen ? chosen.includes(branch.id) : holds(run, branch.condition)))
      .map((branch) => ({ branchId: branch.id, name: branch.name, budgetDays: branchDays(run, branch, 0) }));
    if (branches.length === 0) continue;
    steps.push({
      nodeId: node.id,
      name: node.name,
      budgetDays: Math.max(...branches.map((b) => b.budgetDays)),
      isCurrent: false,
      branches,
    });
  }
}

/** Where a running case is: its open top-level task, or its group with what each branch has left. */
function current(run: Run): { step: PlannedStep; next: FlowTarget } | undefined {
  const task = run.state.tasks[0];
  if (!task) return undefined;
  const node = run.graph.get(task.nodeId)?.node;
  if (!node) return undefined;
  const next = resolveNext(run, node.next);
  if (node.kind === 'task') {
    return { step: { nodeId: node.id, name: node.name, budgetDays: task.budgetDays, isCurrent: true, branches: [] }, next };
  }
  // In the flow's branch order, as the portal lists them; finished branches have nothing left.
  const branches = node.branches.flatMap((branch) => {
    const open = run.state.tasks.find((t) => t.branchId === branch.id);
    const place = open && run.steps.get(open.stepId);
    if (place?.kind !== 'branch') return [];
    return [{ branchId: branch.id, name: branch.name, budgetDays: branchDays(run, branch, place.index) }];
  });
  const budgetDays = Math.max(0, ...branches.map((b) => b.budgetDays));
  return { step: { nodeId: node.id, name: node.name, budgetDays, isCurrent: true, branches }, next };
}

/**
 * The steps ahead of a case with their budgets, for the portal's expected completion: from the
 * start, or from where `state` stands. Unlike longestPath (the promise check, which must hold for
 * every applicant) it follows this applicant's conditions; a parallel node counts its slowest
 * branch under 或签 too, so the date shown is one the centre can keep.
 */
export function plannedPath(flow: Flow, context: FlowContext, state?: FlowState): PlannedPath {
  const run = createRun(flow, context, state ?? emptyFlowState());
  const steps: PlannedStep[] = [];
  if (state === undefined) {
    walk(run, entryNode(flow, context), steps);
  } else if (state.status === 'running') {
    const at = current(run);
    if (at) {
      steps.push(at.step);
      walk(run, at.next, steps);
    }
  }
  return { steps, totalDays: steps.reduce((sum, step) => sum + step.budgetDays, 0) };
}
