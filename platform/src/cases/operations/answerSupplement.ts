import { amendApplication } from '../../intake';
import { fail, requireRole, type Call } from '../../kernel';
import type { CaseDeps } from '../caseDeps';
import { appendCaseEvent } from '../store/caseEventStore';
import { updateCase } from '../store/caseStore';
import { scheduleAcceptanceTimer } from './acceptanceTimer';
import { checkSupplementAnswer, valueAt, type SupplementAnswerInput } from './answerSupplementItems';
import { caseView } from './caseView';
import { loadCaseContext } from './loadCaseContext';
import { findApplicantCase } from './findApplicantCase';
import { runCaseAction } from './runCaseAction';

/** Who answers a 补正: the applicant themself, or the window clerk who filed the application (代办). */
export const SUPPLEMENT_ANSWERERS = ['citizen', 'window'] as const;

/** What the applicant is told after answering: where the case stands now. */
export interface SupplementAnswered {
  number: string;
  status: string;
  statusLabel: string;
  /** The last day the window may answer, five working days from the day the answer completed the application. */
  acceptanceDue: string | null;
}

/**
 * POST /api/cases/{number}/supplement: the applicant answers the open 补正 notice with exactly what
 * it lists. In one transaction holding the case's lock: the application amended and validated as a
 * whole (intake), the case `received` again with the acceptance period running from today
 * (`completeOn`) and its timer scheduled anew, the `case_supplement_answered` event, the key. A
 * refusal stores nothing; a retry with the key answers the first result.
 */
export async function answerSupplement(
  deps: CaseDeps,
  call: Call,
  { number, input }: { number: string; input: SupplementAnswerInput },
): Promise<{ answer: SupplementAnswered; isReplay: boolean }> {
  requireRole(call.actor, SUPPLEMENT_ANSWERERS);
  const actor = call.actor;
  // Whose application it is does not change; asked before the lock, so a stranger waits for nothing.
  await findApplicantCase(deps, call, number);
  const { view, isReplay } = await runCaseAction(
    deps,
    { ...call, actor },
    { number, idempotencyKey: input.idempotencyKey },
    () => undefined,
    async (tx, record) => {
      const items = record.supplement;
      if (record.status !== 'supplementing' || !items) throw fail('CASE_NOT_SUPPLEMENTING', { status: record.status });
      if (input.notice !== record.supplementCount)
        throw fail('CASE_REVISION_CONFLICT', { notice: record.supplementCount }, '补正通知已更新，请刷新后按新的通知补正');
      const { application, document, calendar } = await loadCaseContext(deps, tx, record);
      const listed = checkSupplementAnswer(document, items, input);
      if (listed.length > 0) throw fail('SUPPLEMENT_ANSWER_INVALID', listed);
      const fields = items.flatMap((item) =>
        item.kind === 'field' ? [{ pointer: item.pointer, value: valueAt(input.formData, item.pointer) }] : [],
      );
      const amended = await amendApplication(
        deps,
        { ...call, actor, tx },
        { record: application, amendment: { materials: input.materials ?? {}, fields } },
      );
      if (amended.issues.length > 0) throw fail('SUPPLEMENT_ANSWER_INVALID', amended.issues);
      const today = deps.clock.today();
      const at = deps.clock.now();
      const change = { status: 'received' as const, completeOn: today, supplement: null };
      const revision = await updateCase(tx, { id: record.id, revision: record.revision, at }, change);
      if (revision === undefined) throw fail('CASE_REVISION_CONFLICT', { revision: record.revision });
      const answered = caseView(calendar, { ...record, ...change, revision }, today);
      await appendCaseEvent(tx, application.id, {
        at,
        type: 'case_supplement_answered',
        actorUserId: actor.userId,
        actorName: actor.displayName,
        details: {
          noticeNumber: record.supplementCount,
          items,
          completeOn: today,
          acceptanceDue: answered.acceptanceDue,
          before: record.status,
          after: change.status,
        },
      });
      await scheduleAcceptanceTimer(deps, { ...call, tx }, calendar, { caseId: record.id, number, from: today });
      return answered;
    },
  );
  const { status, statusLabel, acceptanceDue } = view;
  return { answer: { number, status, statusLabel, acceptanceDue }, isReplay };
}
