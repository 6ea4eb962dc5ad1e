import { listUsers } from '../../identity';
import { SYSTEM_ACTOR, fail, readerOf, requireRole, type Call } from '../../kernel';
import type { CaseDeps } from '../caseDeps';
import { findCaseByNumber } from '../store/caseStore';
import { TASK_ACTORS } from './actOnTask';
import { assertCaseDepartment, authoriseTaskAction } from './authoriseTaskAction';
import { SIGNING_ROLES } from './checkColleague';

export interface Colleague {
  userId: number;
  displayName: string;
  role: string;
}

/** A department is a few dozen people; past this the picker would need a search, not a list. */
const MAX_COLLEAGUES = 500;

/**
 * GET /api/cases/{number}/tasks/{taskId}/colleagues: whom the caller may hand the task to (转办:
 * active staff of the step's role in the task's department) and add as co-signer (加签: its active
 * reviewers and chief) — the rule checkColleague enforces on the action, so the picker offers
 * nobody the action would refuse. Asked by someone who may act on the task, like the action.
 */
export async function readTaskColleagues(
  deps: CaseDeps,
  call: Call,
  { number, taskId }: { number: string; taskId: string },
): Promise<{ transfer: Colleague[]; addSigner: Colleague[] }> {
  requireRole(call.actor, TASK_ACTORS);
  const { actor } = call;
  const q = readerOf(deps.db, call);
  const record = await findCaseByNumber(q, number);
  if (!record) throw fail('CASE_NOT_FOUND', { number });
  await assertCaseDepartment(q, actor, record);
  const task = record.flowState?.status === 'running' ? record.flowState.tasks.find((t) => t.id === taskId) : undefined;
  if (!task) throw fail('FLOW_TASK_NOT_OPEN', { taskId });
  authoriseTaskAction(actor, record, task, 'transfer');
  const { items } = await listUsers(
    deps,
    { actor: SYSTEM_ACTOR, ...(call.tx ? { tx: call.tx } : {}) },
    { filters: { departmentCode: task.department, isDisabled: false }, page: 1, pageSize: MAX_COLLEAGUES },
  );
  const signers = new Set(task.coSigners.map((signer) => signer.userId));
  const others = items
    .filter((user) => String(user.id) !== task.assignee && user.id !== actor.userId)
    .map((user) => ({ userId: user.id, displayName: user.displayName, role: user.role }));
  return {
    transfer: others.filter((user) => user.role === task.role),
    addSigner: others.filter((user) => SIGNING_ROLES.includes(user.role) && !signers.has(String(user.userId))),
  };
}
