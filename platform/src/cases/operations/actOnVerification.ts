import { fail, type Queryable, type UserActor } from '../../kernel';
import type { CaseRecord } from '../Case';
import type { CaseDeps } from '../caseDeps';
import { appendCaseEvent } from '../store/caseEventStore';
import { updateCase } from '../store/caseStore';
import { closeTaskRow, findOpenTaskRow, setTaskAssignee } from '../store/taskStore';
import { caseView, type CaseView } from './caseView';
import { loadCaseContext } from './loadCaseContext';
import type { TaskActionInput } from './TaskActionInput';

/** After the decision: the 核查 of a 告知承诺 approval belongs to a decided or delivered case. */
const VERIFIED_STATUSES: readonly string[] = ['decided', 'completed'];

/**
 * The post-approval 核查 task (v1): a reviewer of the case's department claims it, and closes it
 * with `approve` (核查属实) or `deny` with the reason (发现未履行承诺, for the department to act on
 * under the commitment's onBreach). Nothing else applies to it; the case's status stays.
 */
export async function actOnVerification(
  deps: CaseDeps,
  tx: Queryable,
  { actor, record, taskId, input }: { actor: UserActor; record: CaseRecord; taskId: string; input: TaskActionInput },
): Promise<CaseView> {
  if (!VERIFIED_STATUSES.includes(record.status))
    throw fail('CASE_ACTION_NOT_ALLOWED', { status: record.status, action: input.action });
  const row = await findOpenTaskRow(tx, { caseId: record.id, taskId });
  if (!row) throw fail('FLOW_TASK_NOT_OPEN', { taskId });
  const me = String(actor.userId);
  if (actor.role !== row.role || actor.departmentCode !== row.departmentCode)
    throw fail('CASE_TASK_FORBIDDEN', { action: input.action, taskId, role: row.role, departmentCode: row.departmentCode });
  if (!['claim', 'approve', 'deny'].includes(input.action))
    throw fail('FLOW_ACTION_NOT_ALLOWED', { taskId, action: input.action, offered: ['approve', 'deny'] });
  if (row.assignee !== null && row.assignee !== me)
    throw fail(input.action === 'claim' ? 'FLOW_TASK_CLAIMED' : 'FLOW_NOT_TASK_HOLDER', { taskId, assignee: row.assignee });
  const at = deps.clock.now();
  const revision = await updateCase(tx, { id: record.id, revision: record.revision, at }, { status: record.status });
  if (revision === undefined) throw fail('CASE_REVISION_CONFLICT', { revision: record.revision });
  if (input.action === 'claim') await setTaskAssignee(tx, { caseId: record.id, taskId, assignee: me });
  else await closeTaskRow(tx, { caseId: record.id, taskId, outcome: input.action === 'approve' ? 'verified' : 'breached', at });
  const context = await loadCaseContext(deps, tx, record);
  await appendCaseEvent(tx, context.application.id, {
    at,
    type: input.action === 'claim' ? 'task_claimed' : input.action === 'approve' ? 'case_verified' : 'case_breach_found',
    actorUserId: actor.userId,
    actorName: actor.displayName,
    details: {
      action: input.action,
      taskId,
      taskName: row.name,
      comment: input.comment ?? null,
      ...(input.reason === undefined ? {} : { reason: input.reason }),
      before: { assignee: row.assignee, isOpen: true },
      after: { assignee: row.assignee ?? me, isOpen: input.action === 'claim' },
    },
  });
  return caseView(context.calendar, { ...record, revision }, deps.clock.today());
}
