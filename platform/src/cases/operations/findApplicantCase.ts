import { findApplicationByNumber, isApplicant, type ApplicationRecord } from '../../intake';
import { fail, readerOf, type Call } from '../../kernel';
import type { CaseRecord } from '../Case';
import type { CaseDeps } from '../caseDeps';
import { findCaseByNumber } from '../store/caseStore';

/**
 * A case as its applicant reaches it: intake says whose application it is (the citizen, by their
 * verified 身份证号, or whoever filed it). Anyone else's number answers exactly as an unknown one.
 */
export async function findApplicantCase(
  deps: CaseDeps,
  call: Call,
  number: string,
  { isLocked = false } = {},
): Promise<{ record: CaseRecord; application: ApplicationRecord }> {
  const q = readerOf(deps.db, call);
  const application = await findApplicationByNumber(q, number);
  if (!application || !(await isApplicant(deps, call, application))) throw fail('CASE_NOT_FOUND', { number });
  const record = await findCaseByNumber(q, number, { isLocked });
  if (!record) throw fail('CASE_NOT_FOUND', { number });
  return { record, application };
}
