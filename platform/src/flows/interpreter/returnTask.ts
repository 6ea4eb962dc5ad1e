import { fail } from '../../kernel';
import type { FlowTask, PathEntry } from './FlowState';
import { closeTask, enterNode, startGroup } from './advance';
import { openTask } from './openTask';
import { returnTargets } from './returnTargets';
import { placeOf, type Run } from './Run';

function indexOfStep(run: Run, entry: PathEntry): number {
  const place = placeOf(run, entry.stepId);
  return place.kind === 'branch' ? place.index : 0;
}

/**
 * Goes back to `to` from outside any running group: the path forgets what came after it, except,
 * when `to` is a branch step, the other branches of that parallel node, whose work stands; the
 * branch alone runs again from `to` and joins on its own.
 */
function rewind(run: Run, to: string): void {
  const { path } = run.state;
  const node = run.graph.get(to)?.node;
  if (node?.kind === 'parallel') {
    run.state.path = path.slice(
      0,
      path.findIndex((entry) => entry.nodeId === to),
    );
    enterNode(run, to, 'returned');
    return;
  }
  const at = path.findIndex((entry) => entry.stepId === to);
  const place = placeOf(run, to);
  if (place.kind === 'node') {
    run.state.path = path.slice(0, at);
    openTask(run, place, { reason: 'returned' });
    return;
  }
  run.state.path = path.filter((entry, i) =>
    entry.nodeId === place.nodeId ? entry.branchId !== place.branch.id || indexOfStep(run, entry) < place.index : i < at,
  );
  startGroup(run, place.parent, [place.branch], 'returned', place.index);
}

/** 退回: closes the task and reopens `to`, which must be one of returnTargets. */
export function returnTask(run: Run, task: FlowTask, to: string): void {
  const allowed = returnTargets(run, task);
  if (!allowed.includes(to)) throw fail('FLOW_RETURN_TARGET_INVALID', { to, allowed });
  closeTask(run, task.id, 'returned');
  if (task.branchId === null) {
    rewind(run, to);
    return;
  }
  const place = run.steps.get(to);
  if (place?.kind === 'branch' && place.nodeId === task.nodeId) {
    run.state.path = run.state.path.filter(
      (entry) => entry.nodeId !== task.nodeId || entry.branchId !== task.branchId || indexOfStep(run, entry) < place.index,
    );
    openTask(run, place, { reason: 'returned' });
    return;
  }
  // Back to before the group: the group's other work is void.
  for (const other of run.state.tasks.filter((t) => t.nodeId === task.nodeId)) closeTask(run, other.id, 'cancelled');
  run.state.groups = run.state.groups.filter((group) => group.nodeId !== task.nodeId);
  run.effects.push({ type: 'groupCancelled', nodeId: task.nodeId });
  rewind(run, to);
}
