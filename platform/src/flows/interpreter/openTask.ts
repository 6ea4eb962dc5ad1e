import type { CoSigner, FlowTask } from './FlowState';
import type { TaskOpenReason } from './FlowEffect';
import { resolveDepartment, type Run } from './Run';
import type { StepPlace } from './locateSteps';

export function openTask(
  run: Run,
  place: StepPlace,
  { reason, assignee = null, coSigners = [] }: { reason: TaskOpenReason; assignee?: string | null; coSigners?: CoSigner[] },
): FlowTask {
  const { step } = place;
  const isBranch = place.kind === 'branch';
  // A branch step without its own department works for the branch's department.
  const flowDepartment = resolveDepartment(run, step.department ?? (isBranch ? place.branch.department : undefined));
  const department = run.state.stepDepartments?.[step.id] ?? flowDepartment;
  const task: FlowTask = {
    id: `t${run.state.nextTaskNumber}`,
    nodeId: place.nodeId,
    stepId: step.id,
    branchId: isBranch ? place.branch.id : null,
    name: step.name,
    role: step.role,
    department,
    budgetDays: step.budgetDays,
    assignee,
    hasHolderApproved: false,
    coSigners,
  };
  run.state.nextTaskNumber += 1;
  run.state.tasks.push(task);
  run.effects.push({ type: 'taskOpened', task: structuredClone(task), budgetDays: task.budgetDays, reason });
  return task;
}
