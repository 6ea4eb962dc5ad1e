import { allowedActions, type Flow, type FlowState, type FlowTask } from '../../flows';
import { fail, type UserActor } from '../../kernel';

/**
 * Who may hold the clock for a special procedure: whoever may act on the open task it belongs to —
 * the task's role in the task's department, and once claimed only its holder — on a step that
 * offers 特别程序. Answers the task and the procedures the step names (none: any of the matter's).
 */
export function procedureTask(
  actor: UserActor,
  { flow, state, taskId }: { flow: Flow; state: FlowState; taskId: string },
): { task: FlowTask; offered: readonly string[] } {
  const task = state.tasks.find((t) => t.id === taskId);
  if (!task) throw fail('FLOW_TASK_NOT_OPEN', { taskId });
  if (actor.role !== task.role || actor.departmentCode !== task.department)
    throw fail('CASE_TASK_FORBIDDEN', { action: 'specialProcedure', taskId, role: task.role, departmentCode: task.department });
  if (task.assignee !== null && task.assignee !== String(actor.userId))
    throw fail('FLOW_NOT_TASK_HOLDER', { taskId, assignee: task.assignee });
  const allowed = allowedActions(flow, state, taskId);
  if (!allowed.actions.includes('specialProcedure'))
    throw fail('FLOW_ACTION_NOT_ALLOWED', { taskId, action: 'specialProcedure', offered: allowed.actions });
  return { task, offered: allowed.specialProcedures };
}
