import type { FlowTask } from '../../flows';
import { fail, isDepartmentScoped, type UserActor } from '../../kernel';
import type { CaseRecord, TaskAction } from '../Case';

/** 催办 comes from above the holder: the chief of the task's (or the case's) department, or a supervisor. */
function mayUrge(actor: UserActor, record: CaseRecord, task: FlowTask): boolean {
  if (actor.role === 'supervisor') return true;
  return actor.role === 'chief' && (actor.departmentCode === task.department || actor.departmentCode === record.departmentCode);
}

/**
 * Who may act on a task: its role in its department (a parallel branch's department, not only the
 * case's), and once claimed only its holder — the interpreter refuses anyone else with
 * FLOW_NOT_TASK_HOLDER. A pending co-signer (加签) may approve whatever their role. Refused here,
 * before the flow is read, with CASE_TASK_FORBIDDEN.
 */
export function authoriseTaskAction(actor: UserActor, record: CaseRecord, task: FlowTask, action: TaskAction): void {
  const refuse = () => fail('CASE_TASK_FORBIDDEN', { action, taskId: task.id, role: task.role, departmentCode: task.department });
  if (action === 'urge') {
    if (!mayUrge(actor, record, task)) throw refuse();
    return;
  }
  const me = String(actor.userId);
  const isPendingSigner = task.coSigners.some((signer) => signer.userId === me && !signer.hasApproved);
  if (action === 'approve' && isPendingSigner) return;
  if (actor.role !== task.role || !isDepartmentScoped(actor.role) || actor.departmentCode !== task.department) throw refuse();
}

/** Before any task is looked at: a department's staff see only cases their department works on. */
export function assertCaseDepartment(actor: UserActor, record: CaseRecord, taskDepartments: readonly string[]): void {
  if (!isDepartmentScoped(actor.role)) return;
  const own = actor.departmentCode;
  if (own === record.departmentCode || (own !== null && taskDepartments.includes(own))) return;
  throw fail('DEPARTMENT_SCOPE', { departmentCode: record.departmentCode, ownDepartmentCode: own });
}
