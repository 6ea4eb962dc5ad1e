import { applyFlowEvent, type Flow } from '../../flows';
import { SYSTEM_ACTOR, type Call, type Queryable } from '../../kernel';
import { cancelTimers } from '../../scheduler';
import type { CaseDeps } from '../caseDeps';
import { deriveClock } from '../clock';
import { appendCaseEvent } from '../store/caseEventStore';
import { findCaseById, updateCase, type CaseChange } from '../store/caseStore';
import { nextDay } from '../warnings/clockTimers';
import { allowsDeemedApproval, deemedApprovalClock } from '../warnings/deemedApprovalClock';
import { applyTaskEffects } from './applyTaskEffects';
import { approvalOf } from './caseDecision';
import { numberedDecision } from './issueDocumentNumber';
import { loadCaseContext } from './loadCaseContext';

/** Who the decision names: no person decided; the law did, when the limit ran out. */
export const DEEMED_APPROVER = '超时默许';

/**
 * 超时默许: the statutory limit (pauses and the extension counted) ran out with no decision, on a
 * matter whose flow allows it and which touches no public safety. The case is decided as approved
 * from the first day after the limit — not the day the timer noticed — its open tasks are closed
 * (the flow ends administratively: nobody decided in it) and the timeline says so. A case decided,
 * withdrawn or paused meanwhile is left alone; one not due yet (the limit moved) throws, so the timer
 * is tried again later. Answers whether it decided the case.
 */
export async function deemApproval(
  deps: CaseDeps,
  call: Call & { tx: Queryable },
  { caseId }: { caseId: number },
): Promise<boolean> {
  const { tx } = call;
  const record = await findCaseById(tx, caseId, { isLocked: true });
  if (!record?.clock || record.clock.stoppedOn !== undefined) return false;
  if (record.status !== 'in_review' && record.status !== 'accepted') return false;
  const context = await loadCaseContext(deps, tx, record);
  // Refused whatever the timer says: a matter made public-safety after the case was accepted.
  if (!allowsDeemedApproval(context.document)) return false;
  const today = deps.clock.today();
  const limit = deriveClock(context.calendar, deemedApprovalClock(record.clock, context.document, context.situations), today);
  if (limit.state === 'paused') return false;
  if (today <= limit.due) throw new Error(`case ${caseId}: statutory limit ${limit.due} not passed on ${today}`);
  const deemedOn = nextDay(limit.due);
  const at = deps.clock.now();
  const decision = await numberedDecision(
    deps.clock,
    tx,
    record,
    approvalOf(context.document, { resultNumber: null, decidedOn: deemedOn, decidedBy: DEEMED_APPROVER }),
  );
  const flow = context.document.flow as Flow | undefined;
  const ended =
    flow && record.flowState?.status === 'running'
      ? applyFlowEvent(flow, record.flowState, { type: 'terminate', by: 'system' }, context.flowContext)
      : undefined;
  const change: CaseChange = {
    status: 'decided',
    clock: { ...record.clock, stoppedOn: deemedOn },
    decision,
    ...(ended ? { flowState: ended.state } : {}),
  };
  await updateCase(tx, { id: record.id, revision: record.revision, at }, change);
  if (ended) {
    const scope = { caseId, calendar: context.calendar, today, at, pauses: record.clock.pauses };
    await applyTaskEffects(tx, scope, ended.effects, ended.state);
  }
  await cancelTimers(deps, call, { subject: String(caseId) });
  await appendCaseEvent(tx, context.application.id, {
    at,
    type: 'case_deemed_approved',
    actorUserId: null,
    actorName: SYSTEM_ACTOR.kind === 'user' ? SYSTEM_ACTOR.displayName : null,
    details: {
      statutoryDue: limit.due,
      deemedOn,
      budget: deemedApprovalClock(record.clock, context.document, context.situations).budget,
      extension: record.clock.extension ?? null,
      decision,
      effects: ended?.effects ?? [],
      before: { status: record.status, tasks: (record.flowState?.tasks ?? []).map((task) => task.id) },
      after: { status: 'decided', tasks: [] },
    },
  });
  return true;
}
