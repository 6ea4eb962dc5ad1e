import { FLOW_END, type FlowBranch, type FlowTarget, type ParallelNode } from '../Flow';
import type { TaskOutcome, TaskOpenReason } from './FlowEffect';
import type { FlowGroup, FlowStatus } from './FlowState';
import { openTask } from './openTask';
import { holds, placeOf, resolveDepartment, resolveNext, type Run } from './Run';

export function closeTask(run: Run, taskId: string, outcome: TaskOutcome): void {
  run.state.tasks = run.state.tasks.filter((task) => task.id !== taskId);
  run.effects.push({ type: 'taskClosed', taskId, outcome });
}

/** Ends the flow; whatever is still open is cancelled. */
export function finishFlow(run: Run, status: Exclude<FlowStatus, 'running'>): void {
  for (const task of [...run.state.tasks]) closeTask(run, task.id, 'cancelled');
  run.state.groups = [];
  run.state.status = status;
  run.effects.push({ type: 'flowCompleted', outcome: status });
}

export function parallelNode(run: Run, nodeId: string): ParallelNode {
  const node = run.graph.get(nodeId)?.node;
  if (node?.kind !== 'parallel') throw new Error(`flow has no parallel node ${nodeId}`);
  return node;
}

export function groupOf(run: Run, nodeId: string): FlowGroup | undefined {
  return run.state.groups.find((group) => group.nodeId === nodeId);
}

/**
 * Enters a node: skips it while its condition fails, opens its task, or starts its group; `end`
 * completes the flow. Checked flows are acyclic, so this always terminates.
 */
export function enterNode(run: Run, target: FlowTarget, reason: TaskOpenReason = 'entered'): void {
  if (target === FLOW_END) {
    finishFlow(run, 'completed');
    return;
  }
  const node = run.graph.get(target)?.node;
  if (!node) throw new Error(`flow has no node ${target}`);
  if (!holds(run, node.condition)) {
    run.effects.push(
      node.kind === 'task'
        ? { type: 'stepSkipped', nodeId: node.id, stepId: node.id, branchId: null }
        : { type: 'groupSkipped', nodeId: node.id },
    );
    enterNode(run, resolveNext(run, node.next));
    return;
  }
  if (node.kind === 'task') {
    openTask(run, placeOf(run, node.id), { reason });
    return;
  }
  const chosen = run.state.branchChoice?.[node.id];
  const started = node.branches.filter((branch) => (chosen ? chosen.includes(branch.id) : holds(run, branch.condition)));
  if (started.length === 0) {
    run.effects.push({ type: 'groupSkipped', nodeId: node.id });
    enterNode(run, resolveNext(run, node.next));
    return;
  }
  startGroup(run, node, started, reason);
}

/** Starts a group with the given branches, each at its first step that applies. */
export function startGroup(
  run: Run,
  node: ParallelNode,
  branches: readonly FlowBranch[],
  reason: TaskOpenReason,
  from = 0,
): void {
  const ids = branches.map((branch) => branch.id);
  const group: FlowGroup = {
    nodeId: node.id,
    lead: resolveDepartment(run, node.lead),
    completion: node.completion,
    started: ids,
    finished: [],
  };
  run.state.groups.push(group);
  run.effects.push({
    type: 'groupStarted',
    nodeId: node.id,
    lead: group.lead,
    completion: group.completion,
    branches: ids,
    notStarted: node.branches.filter((branch) => !ids.includes(branch.id)).map((branch) => branch.id),
  });
  for (const branch of branches) {
    // An `any` group may already have joined on a branch whose steps all were skipped.
    if (!groupOf(run, node.id)) return;
    enterBranch(run, node, branch, from, reason);
  }
}

/** Opens the branch's first step at or after `from` whose condition holds, or finishes the branch. */
export function enterBranch(run: Run, node: ParallelNode, branch: FlowBranch, from: number, reason: TaskOpenReason): void {
  for (let index = from; index < branch.steps.length; index++) {
    const step = branch.steps[index];
    if (!step) break;
    if (holds(run, step.condition)) {
      openTask(run, placeOf(run, step.id), { reason });
      return;
    }
    run.effects.push({ type: 'stepSkipped', nodeId: node.id, stepId: step.id, branchId: branch.id });
  }
  finishBranch(run, node, branch.id);
}

/** 会签 joins when every started branch finished, 或签 at the first; the join follows the node's next. */
function finishBranch(run: Run, node: ParallelNode, branchId: string): void {
  const group = groupOf(run, node.id);
  if (!group) return;
  group.finished.push(branchId);
  const isJoined = group.completion === 'any' || group.started.every((id) => group.finished.includes(id));
  if (!isJoined) return;
  for (const task of run.state.tasks.filter((t) => t.nodeId === node.id)) closeTask(run, task.id, 'cancelled');
  run.state.groups = run.state.groups.filter((g) => g !== group);
  run.effects.push({
    type: 'groupJoined',
    nodeId: node.id,
    finished: [...group.finished],
    cancelled: group.started.filter((id) => !group.finished.includes(id)),
  });
  enterNode(run, resolveNext(run, node.next));
}

/** After a step completed: the next step of its branch, or the node's next. */
export function advanceFrom(run: Run, stepId: string): void {
  const place = placeOf(run, stepId);
  if (place.kind === 'node') {
    const node = run.graph.get(place.nodeId)?.node;
    if (!node) throw new Error(`flow has no node ${place.nodeId}`);
    enterNode(run, resolveNext(run, node.next));
    return;
  }
  enterBranch(run, parallelNode(run, place.nodeId), place.branch, place.index + 1, 'entered');
}
