import { fail, requireRole, type Call, type Queryable } from '../../kernel';
import type { CaseRecord, ClockAction } from '../Case';
import type { CaseDeps } from '../caseDeps';
import { deriveClock, type ClockState } from '../clock';
import { appendCaseEvent } from '../store/caseEventStore';
import { updateCase } from '../store/caseStore';
import { refreshClockTimers } from '../warnings/clockTimers';
import { scheduleStepTimers } from '../warnings/scheduleStepTimers';
import type { CaseActionInput } from './AcceptanceInput';
import { assertCaseDepartment } from './authoriseTaskAction';
import { caseView, type CaseView } from './caseView';
import { checkClockFields } from './checkClockFields';
import type { ClockActionContext, ClockOutcome } from './ClockOutcome';
import { endSpecialProcedure } from './endSpecialProcedure';
import { extendClock } from './extendClock';
import { loadCaseContext } from './loadCaseContext';
import { runCaseAction } from './runCaseAction';
import { startSpecialProcedure } from './startSpecialProcedure';

/** Who may call a clock action at all; which case, task and procedure is checked by each action. */
export const CLOCK_ACTORS = ['reviewer', 'chief'] as const;

const OUTCOMES: Record<ClockAction, (ctx: ClockActionContext) => ClockOutcome> = {
  startSpecialProcedure,
  endSpecialProcedure,
  extend: extendClock,
};

const readingOf = (ctx: ClockActionContext, clock: ClockState) => {
  const reading = deriveClock(ctx.context.calendar, clock, ctx.today);
  return { state: reading.state, due: reading.due, workdaysLeft: reading.workdaysLeft };
};

/**
 * The clock actions on POST /api/cases/{number}/actions: a special procedure begins or ends, or the
 * limit is extended. Only on a case under review with its clock running (a result never comes from
 * a case the platform did not accept). As every case action: one transaction under the case row's
 * lock, the revision, the idempotency key, one timeline event with the clock before and after; the
 * case's warning and deemed-approval timers are scheduled again from the new clock in it.
 */
export async function runClockAction(
  deps: CaseDeps,
  call: Call,
  { number, action, input }: { number: string; action: ClockAction; input: CaseActionInput },
): Promise<{ view: CaseView; isReplay: boolean }> {
  requireRole(call.actor, CLOCK_ACTORS);
  const { actor } = call;
  const admit = (tx: Queryable, record: CaseRecord) => assertCaseDepartment(tx, actor, record);
  return runCaseAction(deps, { ...call, actor }, { number, idempotencyKey: input.idempotencyKey }, admit, async (tx, record) => {
    const issues = checkClockFields(action, input);
    if (issues.length > 0) throw fail('VALIDATION_FAILED', issues);
    if (input.revision !== record.revision) throw fail('CASE_REVISION_CONFLICT', { revision: record.revision });
    const clock = record.clock;
    if (record.status !== 'in_review' || !clock || clock.stoppedOn !== undefined || record.flowState?.status !== 'running')
      throw fail('CASE_ACTION_NOT_ALLOWED', { status: record.status, action });
    const context = await loadCaseContext(deps, tx, record);
    const ctx: ClockActionContext = { record, clock, context, actor, today: deps.clock.today(), at: deps.clock.now(), input };
    const outcome = OUTCOMES[action](ctx);
    const revision = await updateCase(tx, { id: record.id, revision: record.revision, at: ctx.at }, { clock: outcome.clock });
    if (revision === undefined) throw fail('CASE_REVISION_CONFLICT', { revision: record.revision });
    await appendCaseEvent(tx, context.application.id, {
      at: ctx.at,
      type: outcome.event.type,
      actorUserId: actor.userId,
      actorName: actor.displayName,
      details: {
        ...outcome.event.details,
        action,
        before: { status: record.status, clock: readingOf(ctx, clock) },
        after: { status: record.status, clock: readingOf(ctx, outcome.clock) },
      },
    });
    const scope = { caseId: record.id, number, clock: outcome.clock, today: ctx.today, ...context };
    await refreshClockTimers(deps, { ...call, tx }, scope);
    await scheduleStepTimers(deps, { ...call, tx }, { caseId: record.id, calendar: context.calendar, today: ctx.today });
    return caseView(context.calendar, { ...record, clock: outcome.clock, revision }, ctx.today);
  });
}
