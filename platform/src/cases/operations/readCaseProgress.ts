import { getMatterVersion } from '../../catalog';
import { loadWorkCalendar } from '../../calendar';
import { STAFF_ONLY_EVENTS, listEvents } from '../../intake';
import { SYSTEM_ACTOR, readerOf, requireUser, type Call } from '../../kernel';
import type { CaseDeps } from '../caseDeps';
import { caseProgress, type CaseProgress } from './caseProgress';
import { findApplicantCase } from './findApplicantCase';

/**
 * GET /api/cases/{number}/progress: the applicant's read of their case (我的办件's status page).
 * The staff read (GET /api/cases/{number}) carries task holders and internals; this one carries
 * what the applicant is asked for and each step in words, and is theirs alone.
 */
export async function readCaseProgress(deps: CaseDeps, call: Call, { number }: { number: string }): Promise<CaseProgress> {
  requireUser(call.actor);
  const { record, application } = await findApplicantCase(deps, call, number);
  const q = readerOf(deps.db, call);
  const matter = await getMatterVersion(
    deps,
    { ...call, actor: SYSTEM_ACTOR },
    { code: application.matterCode, version: application.version },
  );
  const calendar = await loadWorkCalendar(deps, deps.region, { via: q });
  // A plugin's failures and route choices are the back office's notes, not the applicant's steps.
  const events = (await listEvents(q, application.id)).filter((event) => !STAFF_ONLY_EVENTS.has(event.type));
  return caseProgress(calendar, { record, document: matter.document, events, today: deps.clock.today() });
}
