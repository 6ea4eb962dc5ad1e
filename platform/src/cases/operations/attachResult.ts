import type { Call } from '../../kernel';
import { fail, requireRole } from '../../kernel';
import type { CaseDeps } from '../caseDeps';
import { appendCaseEvent } from '../store/caseEventStore';
import { updateCase } from '../store/caseStore';
import { caseView, type CaseView } from './caseView';
import { loadCaseContext } from './loadCaseContext';
import { assertMayAttachResult, RESULT_ATTACHERS, resultFileFor } from './resultFileFor';
import { runCaseAction } from './runCaseAction';

/** The body of POST /api/cases/{number}/result (its JSON Schema is in http/caseSchemas.ts). */
export interface ResultInput {
  idempotencyKey: string;
  revision: number;
  fileId: string;
}

/**
 * Attaches the result (the licence, scanned or electronic) to an approved case, so the applicant
 * can download it from 我的办件. A second one replaces the first (a better scan); both are in the
 * timeline. Same frame as every case action: the row's lock, the revision, the idempotency key.
 */
export async function attachResult(
  deps: CaseDeps,
  call: Call,
  { number, input }: { number: string; input: ResultInput },
): Promise<{ view: CaseView; isReplay: boolean }> {
  requireRole(call.actor, RESULT_ATTACHERS);
  const { actor } = call;
  const admit = (_tx: unknown, record: Parameters<typeof assertMayAttachResult>[1]) => assertMayAttachResult(actor, record);
  return runCaseAction(deps, { ...call, actor }, { number, idempotencyKey: input.idempotencyKey }, admit, async (tx, record) => {
    if (input.revision !== record.revision) throw fail('CASE_REVISION_CONFLICT', { revision: record.revision });
    const resultFile = await resultFileFor(deps, call, tx, { fileId: input.fileId, pointer: '/fileId' });
    const context = await loadCaseContext(deps, tx, record);
    const at = deps.clock.now();
    const revision = await updateCase(tx, { id: record.id, revision: record.revision, at }, { resultFile });
    if (revision === undefined) throw fail('CASE_REVISION_CONFLICT', { revision: record.revision });
    await appendCaseEvent(tx, context.application.id, {
      at,
      type: 'case_result_attached',
      actorUserId: actor.userId,
      actorName: actor.displayName,
      details: { result: resultFile, replaced: record.resultFile?.fileId ?? null },
    });
    return caseView(context.calendar, { ...record, resultFile, revision }, deps.clock.today());
  });
}
