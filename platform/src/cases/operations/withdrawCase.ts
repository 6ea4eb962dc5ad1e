import { applyFlowEvent, type Flow } from '../../flows';
import { fail, requireRole, type Call } from '../../kernel';
import { cancelTimers } from '../../scheduler';
import { CASE_STATUS_LABELS, type CaseStatus } from '../Case';
import type { CaseDeps } from '../caseDeps';
import { appendCaseEvent } from '../store/caseEventStore';
import { updateCase, type CaseChange } from '../store/caseStore';
import { SUPPLEMENT_ANSWERERS } from './answerSupplement';
import { applyTaskEffects } from './applyTaskEffects';
import { caseView } from './caseView';
import { findApplicantCase } from './findApplicantCase';
import { loadCaseContext } from './loadCaseContext';
import { runCaseAction } from './runCaseAction';

/** The body of POST /api/cases/{number}/withdrawal (its JSON Schema is in http/caseSchemas.ts). */
export interface WithdrawalInput {
  idempotencyKey: string;
  reason?: string;
}

export interface Withdrawn {
  number: string;
  status: CaseStatus;
  statusLabel: string;
}

/** Before a decision the applicant may withdraw (撤回); after it there is nothing left to withdraw. */
const WITHDRAWABLE: readonly CaseStatus[] = ['received', 'supplementing', 'accepted', 'in_review'];

/**
 * 撤回: the applicant (whoever intake says filed the application, as for a 补正 answer; anyone else
 * hears 404 as for an unknown number) withdraws the case before it is decided. In one transaction
 * under the case's lock: `withdrawn`, the clock stopped today, the flow ended administratively with
 * its open tasks closed, every pending timer of the case cancelled (acceptance deadline, warnings,
 * deemed approval), the `case_withdrawn` event and the key. No revision is asked: the applicant
 * wants out whatever the staff did meanwhile; a case decided meanwhile answers 409.
 */
export async function withdrawCase(
  deps: CaseDeps,
  call: Call,
  { number, input }: { number: string; input: WithdrawalInput },
): Promise<{ answer: Withdrawn; isReplay: boolean }> {
  requireRole(call.actor, SUPPLEMENT_ANSWERERS);
  const actor = call.actor;
  await findApplicantCase(deps, call, number);
  const { view, isReplay } = await runCaseAction(
    deps,
    { ...call, actor },
    { number, idempotencyKey: input.idempotencyKey },
    () => undefined,
    async (tx, record) => {
      if (!WITHDRAWABLE.includes(record.status))
        throw fail('CASE_ACTION_NOT_ALLOWED', { status: record.status, action: 'withdraw' });
      const context = await loadCaseContext(deps, tx, record);
      const today = deps.clock.today();
      const at = deps.clock.now();
      const flow = context.document.flow as Flow | undefined;
      const ended =
        flow && record.flowState?.status === 'running'
          ? applyFlowEvent(flow, record.flowState, { type: 'terminate', by: String(actor.userId) }, context.flowContext)
          : undefined;
      const change: CaseChange & { status: CaseStatus } = {
        status: 'withdrawn',
        supplement: null,
        ...(record.clock ? { clock: { ...record.clock, stoppedOn: record.clock.stoppedOn ?? today } } : {}),
        ...(ended ? { flowState: ended.state } : {}),
      };
      const revision = await updateCase(tx, { id: record.id, revision: record.revision, at }, change);
      if (revision === undefined) throw fail('CASE_REVISION_CONFLICT', { revision: record.revision });
      if (ended)
        await applyTaskEffects(
          tx,
          { caseId: record.id, calendar: context.calendar, today, at, pauses: record.clock?.pauses ?? [] },
          ended.effects,
          ended.state,
        );
      const cancelledTimers = await cancelTimers(deps, { ...call, tx }, { subject: String(record.id) });
      await appendCaseEvent(tx, context.application.id, {
        at,
        type: 'case_withdrawn',
        actorUserId: actor.userId,
        actorName: actor.displayName,
        details: {
          reason: input.reason ?? null,
          withdrawnOn: today,
          cancelledTimers,
          effects: ended?.effects ?? [],
          before: record.status,
          after: change.status,
        },
      });
      return caseView(context.calendar, { ...record, ...change, revision }, today);
    },
  );
  return { answer: { number, status: view.status, statusLabel: CASE_STATUS_LABELS[view.status] }, isReplay };
}
