import type { FlowTask } from './FlowState';
import type { Run } from './Run';

/**
 * Where a task may be returned to (退回): every step on the path taken, and every parallel node
 * passed (run again as a whole). Inside a branch only the branch's own earlier steps count from
 * its group, so one department cannot send back another's work; anything before the group does.
 */
export function returnTargets(run: Run, task: FlowTask): string[] {
  const targets: string[] = [];
  const add = (id: string): void => {
    if (!targets.includes(id)) targets.push(id);
  };
  for (const entry of run.state.path) {
    if (entry.nodeId === task.nodeId && task.branchId !== null) {
      if (entry.branchId === task.branchId) add(entry.stepId);
      continue;
    }
    if (entry.branchId !== null) add(entry.nodeId);
    add(entry.stepId);
  }
  return targets;
}
