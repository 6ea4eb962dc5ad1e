import { assertDepartmentScope, fail, requireRole, type Call, type FieldIssue } from '../../kernel';
import type { CaseDelivery, CaseRecord } from '../Case';
import type { CaseDeps } from '../caseDeps';
import { appendCaseEvent } from '../store/caseEventStore';
import { updateCase } from '../store/caseStore';
import { caseView, type CaseView } from './caseView';
import { loadCaseContext } from './loadCaseContext';
import { assertMayAttachResult, resultFileFor } from './resultFileFor';
import { runCaseAction } from './runCaseAction';

/** The body of POST /api/cases/{number}/completion (its JSON Schema is in http/caseSchemas.ts). */
export interface CompletionInput {
  idempotencyKey: string;
  revision: number;
  method: CaseDelivery['method'];
  carrier?: string;
  trackingNumber?: string;
  comment?: string;
  /** The result handed over with the delivery, uploaded first (POST /api/files with caseNumber). */
  resultFileId?: string;
}

/** Express needs its tracking number (the applicant follows it); on site takes none. */
function checkDeliveryFields(input: CompletionInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (input.method === 'express' && input.trackingNumber === undefined)
    issues.push({ pointer: '/trackingNumber', code: 'case.field_required', message: '该操作须填写此项' });
  if (input.method === 'onSite')
    for (const key of ['carrier', 'trackingNumber'] as const)
      if (input[key] !== undefined)
        issues.push({ pointer: `/${key}`, code: 'case.field_not_for_action', message: '该操作不接受此项' });
  return issues;
}

/**
 * 办结 and 送达 after the decision: the window of the case's department hands the decision (and
 * the result) over on site or sends it by express. decided → completed, with the delivery, its
 * timeline event and the idempotency key in one transaction, as every case action.
 */
export async function completeCase(
  deps: CaseDeps,
  call: Call,
  { number, input }: { number: string; input: CompletionInput },
): Promise<{ view: CaseView; isReplay: boolean }> {
  requireRole(call.actor, ['window']);
  const { actor } = call;
  const admit = (_tx: unknown, record: CaseRecord) => assertDepartmentScope(actor, record.departmentCode);
  return runCaseAction(deps, { ...call, actor }, { number, idempotencyKey: input.idempotencyKey }, admit, async (tx, record) => {
    const issues = checkDeliveryFields(input);
    if (issues.length > 0) throw fail('VALIDATION_FAILED', issues);
    if (input.revision !== record.revision) throw fail('CASE_REVISION_CONFLICT', { revision: record.revision });
    if (record.status !== 'decided' || !record.decision)
      throw fail('CASE_ACTION_NOT_ALLOWED', { status: record.status, action: 'complete' });
    const resultFile =
      input.resultFileId === undefined
        ? record.resultFile
        : (assertMayAttachResult(actor, record),
          await resultFileFor(deps, call, tx, { fileId: input.resultFileId, pointer: '/resultFileId' }));
    const context = await loadCaseContext(deps, tx, record);
    const today = deps.clock.today();
    const at = deps.clock.now();
    const delivery: CaseDelivery = {
      method: input.method,
      carrier: input.carrier ?? null,
      trackingNumber: input.trackingNumber ?? null,
      deliveredOn: today,
      deliveredBy: actor.displayName,
    };
    const change = { status: 'completed' as const, delivery, resultFile };
    const revision = await updateCase(tx, { id: record.id, revision: record.revision, at }, change);
    if (revision === undefined) throw fail('CASE_REVISION_CONFLICT', { revision: record.revision });
    await appendCaseEvent(tx, context.application.id, {
      at,
      type: 'case_delivered',
      actorUserId: actor.userId,
      actorName: actor.displayName,
      details: {
        delivery,
        comment: input.comment ?? null,
        before: record.status,
        after: change.status,
        ...(resultFile !== record.resultFile && { result: resultFile }),
      },
    });
    return caseView(context.calendar, { ...record, ...change, revision }, today);
  });
}
