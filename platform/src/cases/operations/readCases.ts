import { loadWorkCalendar } from '../../calendar';
import { fail, readerOf, requireUser, type Call } from '../../kernel';
import type { CaseDeps } from '../caseDeps';
import { findCaseByNumber, listAcceptanceQueue, type QueuedCase } from '../store/caseStore';
import { assertCaseDepartment } from './authoriseTaskAction';
import { ACCEPTANCE_PERIOD, deriveClock, type ClockLevel } from '../clock';
import { caseView, type CaseView } from './caseView';

const MAX_QUEUED = 200;

/** GET /api/cases/{number}: the staff of the case's department and the centre-wide roles. */
export async function getCase(deps: CaseDeps, call: Call, { number }: { number: string }): Promise<CaseView> {
  requireUser(call.actor);
  const q = readerOf(deps.db, call);
  const record = await findCaseByNumber(q, number);
  if (!record) throw fail('CASE_NOT_FOUND', { number });
  // A parallel branch's department works on the case too, and reads it.
  await assertCaseDepartment(q, call.actor, record);
  const calendar = await loadWorkCalendar(deps, deps.region, { via: q });
  return caseView(calendar, record, deps.clock.today());
}

/** A case waiting for the window, with its acceptance deadline read as the case clock reads a budget. */
export interface AcceptanceQueueItem extends Omit<QueuedCase, 'completeOn'> {
  acceptanceDue: string;
  provisional: boolean;
  workdaysLeft: number;
  level: ClockLevel;
}

/**
 * The acceptance queue of the caller's own department: cases waiting for the window, each with its
 * deadline (5 working days from the receipt or the 补正 answer) and its level, so the queue needs
 * no read per case.
 */
export async function listAcceptanceCases(deps: CaseDeps, call: Call): Promise<AcceptanceQueueItem[]> {
  requireUser(call.actor);
  const departmentCode = call.actor.departmentCode;
  if (!departmentCode) throw fail('FORBIDDEN', { reason: 'noDepartment' });
  const q = readerOf(deps.db, call);
  const queued = await listAcceptanceQueue(q, { departmentCode, limit: MAX_QUEUED });
  if (queued.length === 0) return [];
  const calendar = await loadWorkCalendar(deps, deps.region, { via: q });
  const today = deps.clock.today();
  return queued.map(({ completeOn, ...item }) => {
    const reading = deriveClock(calendar, { budget: ACCEPTANCE_PERIOD, startedOn: completeOn, pauses: [] }, today);
    return {
      ...item,
      acceptanceDue: reading.due,
      provisional: reading.provisional,
      workdaysLeft: reading.workdaysLeft,
      level: reading.level,
    };
  });
}
