import { findApplicationByNumber, isApplicant } from '../../intake';
import { readerOf, type Call } from '../../kernel';
import type { CaseDeps } from '../caseDeps';
import { findCaseByResultFile } from '../store/caseStore';
import { assertCaseDepartment } from './authoriseTaskAction';

/**
 * The files module asks this before it hands out a file that is not the caller's own: a case's
 * result goes to its applicant (intake's `isApplicant`, as for the progress read) and to the
 * staff who may read the case (for them the files module also wants a clean scan). Any other caller is refused, exactly as for a file that is not there.
 */
export async function canOpenCaseResult(deps: CaseDeps, call: Call, fileId: string): Promise<boolean> {
  const { actor } = call;
  if (actor.kind !== 'user') return false;
  const q = readerOf(deps.db, call);
  const record = await findCaseByResultFile(q, fileId);
  if (!record) return false;
  if (actor.role === 'citizen') {
    const application = await findApplicationByNumber(q, record.number);
    return application !== undefined && (await isApplicant(deps, call, application));
  }
  return assertCaseDepartment(q, actor, record).then(
    () => true,
    () => false,
  );
}
