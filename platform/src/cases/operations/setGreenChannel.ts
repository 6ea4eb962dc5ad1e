import { assertDepartmentScope, fail, requireRole, type Call } from '../../kernel';
import type { CaseRecord, CaseStatus } from '../Case';
import type { CaseDeps } from '../caseDeps';
import { appendCaseEvent } from '../store/caseEventStore';
import { updateCase } from '../store/caseStore';
import { caseView, type CaseView } from './caseView';
import { loadCaseContext } from './loadCaseContext';
import { runCaseAction } from './runCaseAction';

/** The body of POST /api/cases/{number}/green-channel (its JSON Schema is in http/caseSchemas.ts). */
export interface GreenChannelInput {
  idempotencyKey: string;
  revision: number;
  isGreenChannel: boolean;
  reason: string;
}

/** A case still being worked on; a closed one gains nothing from going first. */
const OPEN: readonly CaseStatus[] = ['received', 'supplementing', 'accepted', 'in_review'];

/**
 * 绿色通道: the chief of the case's department sets (or lifts) the flag that puts the case first in
 * every queue — the acceptance queue and the task queues sort on it before any due date. Recorded
 * with its reason on the timeline, like every case action.
 */
export async function setGreenChannel(
  deps: CaseDeps,
  call: Call,
  { number, input }: { number: string; input: GreenChannelInput },
): Promise<{ view: CaseView; isReplay: boolean }> {
  requireRole(call.actor, ['chief']);
  const { actor } = call;
  const admit = (_tx: unknown, record: CaseRecord) => assertDepartmentScope(actor, record.departmentCode);
  return runCaseAction(deps, { ...call, actor }, { number, idempotencyKey: input.idempotencyKey }, admit, async (tx, record) => {
    if (input.revision !== record.revision) throw fail('CASE_REVISION_CONFLICT', { revision: record.revision });
    if (!OPEN.includes(record.status)) throw fail('CASE_ACTION_NOT_ALLOWED', { status: record.status, action: 'greenChannel' });
    const context = await loadCaseContext(deps, tx, record);
    const at = deps.clock.now();
    const change = { isGreenChannel: input.isGreenChannel };
    const revision = await updateCase(tx, { id: record.id, revision: record.revision, at }, change);
    if (revision === undefined) throw fail('CASE_REVISION_CONFLICT', { revision: record.revision });
    await appendCaseEvent(tx, context.application.id, {
      at,
      type: input.isGreenChannel ? 'case_green_channel_set' : 'case_green_channel_lifted',
      actorUserId: actor.userId,
      actorName: actor.displayName,
      details: { reason: input.reason, before: record.isGreenChannel, after: input.isGreenChannel },
    });
    return caseView(context.calendar, { ...record, ...change, revision }, deps.clock.today());
  });
}
