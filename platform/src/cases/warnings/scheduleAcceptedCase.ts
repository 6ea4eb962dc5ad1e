import type { Call, Queryable } from '../../kernel';
import type { CaseDeps } from '../caseDeps';
import { findCaseById } from '../store/caseStore';
import { loadCaseContext } from '../operations/loadCaseContext';
import { scheduleClockTimers } from './clockTimers';
import { scheduleNoActivityFlag } from './caseFlags';
import { scheduleStepTimers } from './scheduleStepTimers';

/**
 * After 受理 (at the window or deemed): the case's warning rungs, its deemed approval where the
 * matter allows it, and the no-activity flag, in the acceptance's transaction.
 */
export async function scheduleAcceptedCase(deps: CaseDeps, call: Call & { tx: Queryable }, caseId: number): Promise<void> {
  const record = await findCaseById(call.tx, caseId);
  if (!record?.clock || (record.status !== 'in_review' && record.status !== 'accepted')) return;
  const context = await loadCaseContext(deps, call.tx, record);
  const today = deps.clock.today();
  const scope = { caseId, number: record.number, clock: record.clock, today, ...context };
  await scheduleClockTimers(deps, call, scope);
  await scheduleStepTimers(deps, call, { caseId, calendar: context.calendar, today });
  await scheduleNoActivityFlag(deps, call, {
    caseId,
    calendar: context.calendar,
    clock: record.clock,
    today,
  });
}
