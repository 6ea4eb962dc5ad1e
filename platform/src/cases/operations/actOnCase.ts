import { assertDepartmentScope, fail, inTransaction, isUniqueViolation, requireRole, type Call } from '../../kernel';
import type { CaseDeps } from '../caseDeps';
import { findActionKey, insertActionKey } from '../store/actionKeyStore';
import { appendCaseEvent } from '../store/caseEventStore';
import { findCaseByNumber, updateCase } from '../store/caseStore';
import { CLOCK_ACTIONS, type ClockAction } from '../Case';
import type { AcceptanceInput, CaseActionInput } from './AcceptanceInput';
import {
  acceptOutcome,
  completeOnSpotOutcome,
  refuseOutcome,
  requireUnanswered,
  supplementOutcome,
  type ActionContext,
  type ActionOutcome,
} from './acceptanceActions';
import { cancelAcceptanceTimer } from './acceptanceTimer';
import { recordAcceptedTasks } from './applyTaskEffects';
import { caseView, type CaseView } from './caseView';
import { checkActionFields } from './checkActionFields';
import { ACTION_DOCUMENT_KINDS, issueDocumentNumber } from './issueDocumentNumber';
import { loadCaseContext } from './loadCaseContext';
import { appendPluginNotes } from '../plugins/appendPluginNotes';
import { routeAtAcceptance, type Routed } from '../plugins/routeAtAcceptance';
import { runClockAction } from './runClockAction';
import { scheduleFlag } from '../warnings/caseFlags';
import { scheduleAcceptedCase } from '../warnings/scheduleAcceptedCase';

const isClockAction = (action: string): action is ClockAction => (CLOCK_ACTIONS as readonly string[]).includes(action);

function outcomeOf(context: ActionContext, input: AcceptanceInput): ActionOutcome {
  requireUnanswered(context.record, input.action);
  switch (input.action) {
    case 'accept':
      return acceptOutcome(context, { acceptedOn: context.today, type: 'case_accepted' });
    case 'completeOnSpot':
      return completeOnSpotOutcome(context);
    case 'refuse':
      return refuseOutcome(input);
    case 'supplement': {
      const outcome = supplementOutcome(context, input);
      if ('issues' in outcome) throw fail('VALIDATION_FAILED', outcome.issues);
      return outcome;
    }
  }
}

/**
 * POST /api/cases/{number}/actions: the window of the case's department accepts, refuses, asks
 * once for what is missing, or completes a 即办件 at the counter. One transaction holds the case
 * row's lock: the state change, its timeline event (with before and after), the acceptance timer
 * and the idempotency key commit together. A retry with the key answers the first result; a stale
 * revision is a conflict.
 */
export async function actOnCase(
  deps: CaseDeps,
  call: Call,
  { number, input: body }: { number: string; input: CaseActionInput },
): Promise<{ view: CaseView; isReplay: boolean }> {
  // The clock actions after 受理 (special procedures, the extension) are not the window's.
  if (isClockAction(body.action)) return runClockAction(deps, call, { number, action: body.action, input: body });
  const input = body as AcceptanceInput;
  requireRole(call.actor, ['window']);
  const { actor } = call;
  try {
    return await inTransaction(deps.db, call, async (tx) => {
      const record = await findCaseByNumber(tx, number, { isLocked: true });
      if (!record) throw fail('CASE_NOT_FOUND', { number });
      assertDepartmentScope(actor, record.departmentCode);
      const earlier = await findActionKey(tx, input.idempotencyKey);
      if (earlier) {
        if (earlier.caseId !== record.id || earlier.userId !== actor.userId) throw fail('CASE_ACTION_KEY_REUSED');
        return { view: earlier.answer as CaseView, isReplay: true };
      }
      const issues = checkActionFields(input);
      if (issues.length > 0) throw fail('VALIDATION_FAILED', issues);
      if (input.revision !== record.revision) throw fail('CASE_REVISION_CONFLICT', { revision: record.revision });
      const { application, document, calendar } = await loadCaseContext(deps, tx, record);
      const today = deps.clock.today();
      // 受理 starts the flow: the `route` plugins choose its parallel branches first.
      let routed: Routed | undefined;
      if (input.action === 'accept') {
        requireUnanswered(record, input.action);
        routed = await routeAtAcceptance(deps, { ...call, tx }, { application, document });
      }
      const by = String(actor.userId);
      const context = { record, application, document, calendar, today, by, branchChoice: routed?.branchChoice };
      const outcome = outcomeOf(context, input);
      const { change, event } = outcome;
      const at = deps.clock.now();
      await appendPluginNotes(tx, application.id, at, routed?.notes ?? []);
      const revision = await updateCase(tx, { id: record.id, revision: record.revision, at }, change);
      if (revision === undefined) throw fail('CASE_REVISION_CONFLICT', { revision: record.revision });
      // The notice's 文号, taken under the act's own transaction: an act rolled back issues none.
      const kind = ACTION_DOCUMENT_KINDS[input.action];
      const issued = kind
        ? await issueDocumentNumber(tx, deps.clock, { caseId: record.id, departmentCode: record.departmentCode, kind })
        : undefined;
      await appendCaseEvent(tx, application.id, {
        at,
        type: event.type,
        actorUserId: actor.userId,
        actorName: actor.displayName,
        details: {
          ...event.details,
          ...(issued ? { documentNumber: issued.number } : {}),
          action: input.action,
          before: record.status,
          after: change.status,
        },
      });
      await recordAcceptedTasks(tx, { caseId: record.id, calendar, today, at }, outcome);
      // Any answer ends the five days; after a 补正 they run again from the applicant's answer.
      await cancelAcceptanceTimer(deps, { ...call, tx }, record.id);
      await scheduleAcceptedCase(deps, { ...call, tx }, record.id);
      // 多次补正: the second notice is a warning for supervision, once per case (the flag's row).
      if (input.action === 'supplement' && (change.supplementCount ?? 0) > 1)
        await scheduleFlag(
          deps,
          { ...call, tx },
          {
            caseId: record.id,
            flag: 'repeatedSupplement',
            dueAt: at,
            payload: { noticeNumber: change.supplementCount },
          },
        );
      const documents = issued ? [...record.documents, issued] : record.documents;
      const view = caseView(calendar, { ...record, ...change, revision, documents }, today);
      await insertActionKey(tx, { key: input.idempotencyKey, caseId: record.id, userId: actor.userId, answer: view, at });
      return { view, isReplay: false };
    });
  } catch (error) {
    // The same key sent at once for two cases: the second insert meets the first one's row.
    if (isUniqueViolation(error)) throw fail('CASE_ACTION_KEY_REUSED');
    throw error;
  }
}
