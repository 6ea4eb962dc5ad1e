import type { UploadRules } from '../../files';
import { fail, readerOf, requireRole, type Call } from '../../kernel';
import type { CaseDeps } from '../caseDeps';
import { findCaseByNumber } from '../store/caseStore';
import { assertMayAttachResult, RESULT_ATTACHERS, RESULT_UPLOAD } from './resultFileFor';

/**
 * The files module asks this before it reads a byte of a result upload (`caseNumber`): the
 * caller must be one who may attach it now, so nobody stores a "licence" for a case that has none.
 */
export async function resolveResultUpload(
  deps: CaseDeps,
  call: Call,
  { caseNumber }: { caseNumber: string },
): Promise<UploadRules> {
  requireRole(call.actor, RESULT_ATTACHERS);
  const record = await findCaseByNumber(readerOf(deps.db, call), caseNumber);
  if (!record) throw fail('CASE_NOT_FOUND', { number: caseNumber });
  assertMayAttachResult(call.actor, record);
  return RESULT_UPLOAD;
}
