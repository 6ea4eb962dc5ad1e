import { loadWorkCalendar } from '../../calendar';
import { fail, readerOf, requireUser, type Call } from '../../kernel';
import type { CaseDeps } from '../caseDeps';
import { findCaseByNumber, listAcceptanceQueue, type QueuedCase } from '../store/caseStore';
import { assertCaseDepartment } from './authoriseTaskAction';
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

/** The acceptance queue of the caller's own department: cases waiting for the window. */
export async function listAcceptanceCases(deps: CaseDeps, call: Call): Promise<QueuedCase[]> {
  requireUser(call.actor);
  const departmentCode = call.actor.departmentCode;
  if (!departmentCode) throw fail('FORBIDDEN', { reason: 'noDepartment' });
  return listAcceptanceQueue(readerOf(deps.db, call), { departmentCode, limit: MAX_QUEUED });
}
