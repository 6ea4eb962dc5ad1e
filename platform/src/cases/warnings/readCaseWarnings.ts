import { fail, readerOf, requireUser, type Call } from '../../kernel';
import type { CaseDeps } from '../caseDeps';
import { assertCaseDepartment } from '../operations/authoriseTaskAction';
import { findCaseByNumber } from '../store/caseStore';
import { listWarnings } from './warningStore';

export interface WarningView {
  rung: string;
  taskId: string | null;
  departmentCode: string;
  at: string;
  details: Record<string, unknown>;
}

/** GET /api/cases/{number}/warnings: the case's warnings, oldest first, for whoever may read the case. */
export async function readCaseWarnings(deps: CaseDeps, call: Call, { number }: { number: string }): Promise<WarningView[]> {
  requireUser(call.actor);
  const q = readerOf(deps.db, call);
  const record = await findCaseByNumber(q, number);
  if (!record) throw fail('CASE_NOT_FOUND', { number });
  await assertCaseDepartment(q, call.actor, record);
  return (await listWarnings(q, record.id)).map((warning) => ({ ...warning, at: warning.at.toISOString() }));
}
