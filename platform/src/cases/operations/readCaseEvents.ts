import { eventTitle } from '../../intake';
import { fail, readerOf, type Call } from '../../kernel';
import type { CaseDeps } from '../caseDeps';
import { listCaseEventLog, type LoggedCaseEvent } from '../store/caseEventLog';
import { findCaseByNumber } from '../store/caseStore';
import { getCase } from './readCases';

export type CaseEventView = LoggedCaseEvent & { title: string };

/**
 * GET /api/cases/{number}/events: the timeline with what each step recorded (the refusal's reason
 * and competent body, a 补正 notice's items, a pause), which the notices print. Readable by whoever
 * may read the case: getCase decides, so the two reads can never disagree on who that is.
 */
export async function readCaseEvents(deps: CaseDeps, call: Call, { number }: { number: string }): Promise<CaseEventView[]> {
  await getCase(deps, call, { number });
  const q = readerOf(deps.db, call);
  const record = await findCaseByNumber(q, number);
  if (!record) throw fail('CASE_NOT_FOUND', { number });
  return (await listCaseEventLog(q, record.applicationId)).map((event) => ({ ...event, title: eventTitle(event.type) }));
}
