import { getMatterVersion } from '../../catalog';
import { loadWorkCalendar } from '../../calendar';
import { findApplicationByNumber } from '../../intake';
import { SYSTEM_ACTOR, type Call, type Queryable } from '../../kernel';
import type { TimerHandlers } from '../../scheduler';
import type { CaseDeps } from '../caseDeps';
import { deemedAcceptance } from '../clock';
import { appendCaseEvent } from '../store/caseEventStore';
import { findCaseById, updateCase } from '../store/caseStore';
import { acceptOutcome } from './acceptanceActions';
import { ACCEPTANCE_TIMER } from './acceptanceTimer';
import { issueDocumentNumber } from './issueDocumentNumber';
import { recordAcceptedTasks } from './applyTaskEffects';
import { scheduleAcceptedCase } from '../warnings/scheduleAcceptedCase';
import { warningTimerHandlers } from '../warnings/warningHandlers';
import { pluginEventHandlers } from '../plugins/offerCaseEvent';
import { appendPluginNotes } from '../plugins/appendPluginNotes';
import { routeAtAcceptance } from '../plugins/routeAtAcceptance';

/**
 * The acceptance deadline passed with no answer: 行政许可法第三十二条 — 逾期不告知的，自收到申请材料
 * 之日起即为受理. The case is accepted from the day the complete application was received, so its
 * clock starts then, not on the day the timer runs. A case the window answered in the meantime is
 * left alone (its timer was cancelled; this guards a race with the answer's commit).
 */
export async function deemAcceptance(
  deps: CaseDeps,
  call: Call & { tx: Queryable },
  { caseId }: { caseId: number },
): Promise<boolean> {
  const { tx } = call;
  const record = await findCaseById(tx, caseId, { isLocked: true });
  if (!record || record.status !== 'received') return false;
  const calendar = await loadWorkCalendar(deps, deps.region, { via: tx });
  const today = deps.clock.today();
  const deemed = deemedAcceptance(calendar, record.completeOn, today);
  // Early (a clock behind the timer's): thrown, so the timer is tried again rather than spent.
  if (!deemed.deemed) throw new Error(`case ${caseId}: acceptance deadline ${deemed.deadline.due} not yet passed on ${today}`);
  const application = await findApplicationByNumber(tx, record.number);
  if (!application) throw new Error(`case ${caseId}: no application ${record.number}`);
  const matter = await getMatterVersion(
    deps,
    { actor: SYSTEM_ACTOR, tx },
    { code: application.matterCode, version: application.version },
  );
  const routed = await routeAtAcceptance(deps, call, { application, document: matter.document });
  const context = {
    record,
    application,
    document: matter.document,
    calendar,
    today,
    by: 'system',
    branchChoice: routed.branchChoice,
  };
  const outcome = acceptOutcome(context, { acceptedOn: deemed.acceptedOn, type: 'case_deemed_accepted' });
  const { change, event } = outcome;
  const at = deps.clock.now();
  await appendPluginNotes(tx, application.id, at, routed.notes);
  await updateCase(tx, { id: record.id, revision: record.revision, at }, change);
  await recordAcceptedTasks(tx, { caseId: record.id, calendar, today, at }, outcome);
  const issued = await issueDocumentNumber(tx, deps.clock, {
    caseId: record.id,
    departmentCode: record.departmentCode,
    kind: 'acceptance',
  });
  await appendCaseEvent(tx, application.id, {
    at,
    type: event.type,
    actorUserId: null,
    actorName: SYSTEM_ACTOR.kind === 'user' ? SYSTEM_ACTOR.displayName : null,
    details: {
      ...event.details,
      documentNumber: issued.number,
      deadline: deemed.deadline.due,
      before: record.status,
      after: change.status,
    },
  });
  return true;
}

/** The case engine's timer handlers, for the scheduler the composition root starts. */
export function caseTimerHandlers(deps: CaseDeps): TimerHandlers {
  return {
    [ACCEPTANCE_TIMER]: async (call, timer) => {
      const caseId = Number(timer.subject);
      if (await deemAcceptance(deps, call, { caseId })) await scheduleAcceptedCase(deps, call, caseId);
    },
    ...warningTimerHandlers(deps),
    ...pluginEventHandlers(deps),
  };
}
