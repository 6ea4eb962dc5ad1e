import type { CaseDocument, DocumentKind } from '@matterflow/schemas';
import type { Queryable } from '../../kernel';

/**
 * The next serial of a (department, kind, year) sequence. The upsert takes the sequence row's lock
 * until the caller's transaction ends: a concurrent act of the same department waits, then reads the
 * committed serial; a rolled-back act takes its increment with it, so the register has no gaps.
 */
export async function nextSerial(
  q: Queryable,
  key: { departmentCode: string; kind: DocumentKind; year: number },
): Promise<number> {
  const { rows } = await q.query<{ last_serial: number }>(
    `INSERT INTO document_number_sequences (department_code, kind, year, last_serial) VALUES ($1, $2, $3, 1)
     ON CONFLICT (department_code, kind, year)
     DO UPDATE SET last_serial = document_number_sequences.last_serial + 1
     RETURNING last_serial`,
    [key.departmentCode, key.kind, key.year],
  );
  const serial = rows[0]?.last_serial;
  if (serial === undefined) throw new Error(`no serial for ${key.departmentCode}/${key.kind}/${key.year}`);
  return Number(serial);
}

export async function insertCaseDocument(
  q: Queryable,
  row: {
    caseId: number;
    departmentCode: string;
    kind: DocumentKind;
    year: number;
    serial: number;
    number: string;
    issuedOn: string;
    at: Date;
  },
): Promise<void> {
  await q.query(
    `INSERT INTO case_documents (case_id, department_code, kind, year, serial, number, issued_on, issued_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [row.caseId, row.departmentCode, row.kind, row.year, row.serial, row.number, row.issuedOn, row.at],
  );
}

/** A case's issued numbers, oldest first. */
export async function listCaseDocuments(q: Queryable, caseId: number): Promise<CaseDocument[]> {
  const { rows } = await q.query<CaseDocument>(
    `SELECT kind, number, issued_on::text AS "issuedOn" FROM case_documents WHERE case_id = $1 ORDER BY id`,
    [caseId],
  );
  return rows;
}

/** The SQL that reads a case's issued numbers as JSON, oldest first (caseStore selects it with the case). */
export const CASE_DOCUMENTS_COLUMN = `(SELECT coalesce(jsonb_agg(jsonb_build_object('kind', d.kind, 'number', d.number,
  'issuedOn', d.issued_on::text) ORDER BY d.id), '[]'::jsonb) FROM case_documents d WHERE d.case_id = c.id) AS documents`;

export type { CaseDocument };
