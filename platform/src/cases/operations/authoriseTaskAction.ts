import type { FlowTask } from '../../flows';
import { fail, isDepartmentScoped, requireUser, type Actor, type Queryable, type UserActor } from '../../kernel';
import type { CaseRecord, TaskAction } from '../Case';
import { standInFor } from '../store/postStore';
import { hasDepartmentTask } from '../store/taskStore';

/** 催办 comes from above the holder: the chief of the task's (or the case's) department, or a supervisor. */
function mayUrge(actor: UserActor, record: CaseRecord, task: FlowTask): boolean {
  if (actor.role === 'supervisor') return true;
  return actor.role === 'chief' && (actor.departmentCode === task.department || actor.departmentCode === record.departmentCode);
}

/**
 * 转其他部门 is a routing decision of the department holding the step: its holder, or its chief
 * for any of its tasks (one still in the queue too, which nobody holds yet).
 */
function mayMoveDepartment(actor: UserActor, task: FlowTask): boolean {
  if (!isDepartmentScoped(actor.role) || actor.departmentCode !== task.department) return false;
  return actor.role === 'chief' || (actor.role === task.role && task.assignee === String(actor.userId));
}

/**
 * Who may act on a task: its role in its department (a parallel branch's department, not only the
 * case's), and once claimed only its holder — the interpreter refuses anyone else with
 * FLOW_NOT_TASK_HOLDER. A pending co-signer (加签) may approve whatever their role.
 */
export function mayActOnTask(actor: UserActor, record: CaseRecord, task: FlowTask, action: TaskAction): boolean {
  if (action === 'urge') return mayUrge(actor, record, task);
  if (action === 'transferDepartment') return mayMoveDepartment(actor, task);
  const me = String(actor.userId);
  const isPendingSigner = task.coSigners.some((signer) => signer.userId === me && !signer.hasApproved);
  if (action === 'approve' && isPendingSigner) return true;
  return actor.role === task.role && isDepartmentScoped(actor.role) && actor.departmentCode === task.department;
}

/** mayActOnTask, refused with CASE_TASK_FORBIDDEN before the flow is read. */
export function authoriseTaskAction(actor: UserActor, record: CaseRecord, task: FlowTask, action: TaskAction): void {
  if (!mayActOnTask(actor, record, task, action))
    throw fail('CASE_TASK_FORBIDDEN', { action, taskId: task.id, role: task.role, departmentCode: task.department });
}

/**
 * Before any task is looked at: a department's staff reach only the cases their department owns
 * or works on (a parallel branch's department, now or earlier — so the loser of a 或签 hears that
 * its task closed, not that the case is not its business). Centre-wide roles reach every case.
 */
export async function assertCaseDepartment(q: Queryable, actor: Actor, record: CaseRecord): Promise<void> {
  requireUser(actor);
  const own = actor.departmentCode;
  if (!isDepartmentScoped(actor.role) || own === record.departmentCode) return;
  if (own !== null && (await hasDepartmentTask(q, { caseId: record.id, departmentCode: own }))) return;
  throw fail('DEPARTMENT_SCOPE', { departmentCode: record.departmentCode, ownDepartmentCode: own });
}

/** The holder the caller stands in for: a claimed task whose holder is marked absent, with the caller as backup. */
export async function heldFor(tx: Queryable, actor: UserActor, task: FlowTask): Promise<string | undefined> {
  const holder = task.assignee;
  if (holder === null || holder === String(actor.userId) || !/^[1-9][0-9]{0,9}$/.test(holder)) return undefined;
  return (await standInFor(tx, Number(holder))) === actor.userId ? holder : undefined;
}
