import { allowedActions, type Flow, type FlowAction, type FlowTask } from '../../flows';
import { fail, readerOf, requireRole, type Call, type UserActor } from '../../kernel';
import { TASK_ACTIONS, type CaseRecord, type TaskAction } from '../Case';
import type { CaseDeps } from '../caseDeps';
import { deriveStepClock, type ClockLevel } from '../clock';
import { findCaseByNumber } from '../store/caseStore';
import { findTaskTiming } from '../store/taskStore';
import { TASK_ACTORS } from './actOnTask';
import { assertCaseDepartment, heldFor, mayActOnTask } from './authoriseTaskAction';
import { loadCaseContext } from './loadCaseContext';

export interface TaskView {
  id: string;
  name: string;
  role: string;
  department: string;
  assignee: string | null;
  coSigners: { userId: string; hasApproved: boolean }[];
  openedOn: string;
  due: string;
  provisional: boolean;
  workdaysLeft: number;
  level: ClockLevel;
  /** What the step offers (the flow's words), whoever asks. */
  offered: readonly FlowAction[];
  returnTargets: { id: string; name: string }[];
  specialProcedures: readonly string[];
  isClaimable: boolean;
  /** What the caller may do now: the action panel shows these and nothing else. */
  available: TaskAction[];
}

/** The step's offer that makes each task action possible; claim and urge are the case layer's. */
const OFFERED_BY: Partial<Record<TaskAction, readonly FlowAction[]>> = {
  approve: ['approve', 'accept', 'complete'],
  return: ['return'],
  transfer: ['transfer'],
  addSigner: ['addSigner'],
  decide: ['decide'],
  deny: ['deny'],
  terminate: ['terminate'],
};

function availableTo(
  actor: UserActor,
  record: CaseRecord,
  task: FlowTask,
  { offered, isHolder }: { offered: readonly FlowAction[]; isHolder: boolean },
): TaskAction[] {
  const me = String(actor.userId);
  const isPendingSigner = task.coSigners.some((signer) => signer.userId === me && !signer.hasApproved);
  return TASK_ACTIONS.filter((action) => {
    if (!mayActOnTask(actor, record, task, action)) return false;
    if (action === 'urge' || action === 'transferDepartment') return true;
    if (action === 'claim') return task.assignee === null;
    if (action === 'approve' && isPendingSigner) return true;
    // Acting on a queue task claims it; a held task is its holder's (or their backup's).
    return (task.assignee === null || isHolder) && (OFFERED_BY[action] ?? []).some((a) => offered.includes(a));
  });
}

/**
 * GET /api/cases/{number}/tasks/{taskId}: one open task with its step clock, what its step offers,
 * where it may return to, and what the caller may do — the workbench's action panel.
 */
export async function readTask(
  deps: CaseDeps,
  call: Call,
  { number, taskId }: { number: string; taskId: string },
): Promise<TaskView> {
  requireRole(call.actor, [...TASK_ACTORS, 'dept_admin']);
  const { actor } = call;
  const q = readerOf(deps.db, call);
  const record = await findCaseByNumber(q, number);
  if (!record) throw fail('CASE_NOT_FOUND', { number });
  await assertCaseDepartment(q, actor, record);
  const state = record.flowState;
  if (!state || state.status !== 'running') throw fail('FLOW_NOT_RUNNING', { status: state?.status ?? null });
  const task = state.tasks.find((t) => t.id === taskId);
  const timing = await findTaskTiming(q, { caseId: record.id, taskId });
  if (!task || !timing) throw fail('FLOW_TASK_NOT_OPEN', { taskId });
  const context = await loadCaseContext(deps, q, record);
  const allowed = allowedActions(context.document.flow as Flow, state, taskId);
  const today = deps.clock.today();
  const step = deriveStepClock(
    context.calendar,
    { openedOn: timing.openedOn, budgetDays: task.budgetDays },
    record.clock?.pauses ?? [],
    today,
  );
  const isHolder = task.assignee === String(actor.userId) || (await heldFor(q, actor, task)) !== undefined;
  return {
    id: task.id,
    name: task.name,
    role: task.role,
    department: task.department,
    assignee: task.assignee,
    coSigners: task.coSigners.map((signer) => ({ ...signer })),
    openedOn: timing.openedOn,
    due: step.due,
    provisional: step.provisional,
    workdaysLeft: step.workdaysLeft,
    level: step.level,
    offered: allowed.actions,
    returnTargets: allowed.returnTargets,
    specialProcedures: allowed.specialProcedures,
    isClaimable: allowed.isClaimable,
    available: availableTo(actor, record, task, { offered: allowed.actions, isHolder }),
  };
}
