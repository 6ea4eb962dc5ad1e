import { documentNumber, type CaseDecision, type CaseDocument, type DocumentKind } from '@matterflow/schemas';
import { findDepartment } from '../../departments';
import type { Clock, Queryable } from '../../kernel';
import type { CaseRecord } from '../Case';
import { insertCaseDocument, nextSerial } from '../store/documentNumberStore';

/** Which register kind an acceptance action's notice takes; the others produce no numbered notice. */
export const ACTION_DOCUMENT_KINDS: Partial<Record<string, DocumentKind>> = {
  accept: 'acceptance',
  refuse: 'refusal',
  supplement: 'supplement',
};

/**
 * Issues the next 文号 of the case's department for a notice kind, in the caller's transaction (the
 * act that produces the notice). The prefix is the department's 简称 from the directory, its full
 * name when it has none; the year is the Asia/Shanghai civil year of the one clock's today.
 */
export async function issueDocumentNumber(
  tx: Queryable,
  clock: Clock,
  { caseId, departmentCode, kind }: { caseId: number; departmentCode: string; kind: DocumentKind },
): Promise<CaseDocument> {
  const issuedOn = clock.today();
  const year = Number(issuedOn.slice(0, 4));
  const department = await findDepartment(tx, departmentCode);
  const prefix = department?.shortName ?? department?.name ?? departmentCode;
  const serial = await nextSerial(tx, { departmentCode, kind, year });
  const number = documentNumber(prefix, kind, year, serial);
  await insertCaseDocument(tx, { caseId, departmentCode, kind, year, serial, number, issuedOn, at: clock.now() });
  return { kind, number, issuedOn };
}

/** The decision with the register's 文号 of its kind; the chief's resultNumber stays the result's own. */
export async function numberedDecision(
  clock: Clock,
  tx: Queryable,
  record: Pick<CaseRecord, 'id' | 'departmentCode'>,
  decision: CaseDecision,
): Promise<CaseDecision> {
  const kind = decision.outcome === 'approved' ? 'approval' : 'denial';
  const issued = await issueDocumentNumber(tx, clock, { caseId: record.id, departmentCode: record.departmentCode, kind });
  return { ...decision, documentNumber: issued.number };
}
