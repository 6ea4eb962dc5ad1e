import type { Queryable } from '../../kernel';
import type { ApplicationRecord, ReceivedMaterial } from '../Application';
import type { Applicant } from '../Draft';
import type { Fees } from '../plugins/PluginFindings';
import { MAX_DAILY_SEQUENCE, NEXT_APPLICATION_NUMBER, numberPrefix } from './nextApplicationNumber';

interface ApplicationRow {
  id: string;
  number: string;
  draft_id: string;
  matter_code: string;
  version: number;
  matter_name: string;
  department_code: string;
  applicant: Applicant;
  filed_by_user_id: number;
  is_on_behalf: boolean;
  answers: Record<string, string>;
  form_data: Record<string, unknown>;
  materials: ReceivedMaterial[];
  status: 'submitted';
  idempotency_key: string;
  submitted_at: Date;
  received_on: string | Date;
  fees: Fees | null;
  plugin_versions: Record<string, string> | null;
}

const civilDate = (value: string | Date) => (typeof value === 'string' ? value : value.toISOString().slice(0, 10));

const toRecord = (row: ApplicationRow): ApplicationRecord => ({
  id: Number(row.id),
  number: row.number,
  draftId: row.draft_id,
  matterCode: row.matter_code,
  version: row.version,
  matterName: row.matter_name,
  departmentCode: row.department_code,
  applicant: row.applicant,
  filedByUserId: row.filed_by_user_id,
  isOnBehalf: row.is_on_behalf,
  answers: row.answers,
  formData: row.form_data,
  materials: row.materials,
  status: row.status,
  idempotencyKey: row.idempotency_key,
  submittedAt: row.submitted_at.toISOString(),
  receivedOn: civilDate(row.received_on),
  fees: row.fees,
  pluginVersions: row.plugin_versions ?? {},
});

// received_on as text: a DATE column must not pass through a JavaScript Date and its time zone.
const COLUMNS = `id, number, draft_id, matter_code, version, matter_name, department_code, applicant, filed_by_user_id,
  is_on_behalf, answers, form_data, materials, status, idempotency_key, submitted_at, received_on::text AS received_on,
  fees, plugin_versions`;

export interface FirstEvent {
  at: Date;
  type: string;
  actorUserId: number | null;
  actorName: string | null;
  details: Record<string, unknown> | null;
}

/**
 * A submission's writes in one statement: its number from the day's counter row, the application,
 * the files each material received, its first event and its draft closed. One round trip instead
 * of five (a submit was mostly round trips), and no state in which one exists without the others
 * even inside the transaction. Undefined when the day's numbers are used up: nothing was written
 * but the counter, which the caller's refusal rolls back.
 */
export async function insertApplication(
  q: Queryable,
  record: Omit<ApplicationRecord, 'id' | 'number' | 'status'>,
  event: FirstEvent,
): Promise<ApplicationRecord | undefined> {
  const links = record.materials.flatMap((material) => material.fileIds.map((fileId) => [material.materialId, fileId]));
  // The values are cast: in INSERT … SELECT their types are not taken from the columns.
  const { rows } = await q.query<{ id: string | null; number: string | null }>(
    `WITH ${NEXT_APPLICATION_NUMBER}, inserted AS (
       INSERT INTO applications (number, draft_id, matter_code, version, matter_name, department_code, applicant_user_id,
         applicant_id_number, applicant, filed_by_user_id, is_on_behalf, answers, form_data, materials, idempotency_key,
         submitted_at, received_on, fees, plugin_versions)
       SELECT numbered.number, $2::uuid, $3::text, $4::integer, $5::text, $6::text, $7::integer, $8::text, $9::jsonb,
         $10::integer, $11::boolean, $12::jsonb, $13::jsonb, $14::jsonb, $15::text, $16::timestamptz, $17::date,
         $24::jsonb, $25::jsonb
       FROM numbered WHERE numbered.last <= ${MAX_DAILY_SEQUENCE}
       RETURNING id, number, draft_id
     ), linked AS (
       INSERT INTO application_files (application_id, material_id, file_id)
       SELECT inserted.id, link ->> 0, (link ->> 1)::uuid FROM inserted, jsonb_array_elements($18::jsonb) AS link
     ), evented AS (
       INSERT INTO application_events (application_id, at, type, actor_user_id, actor_name, details)
       SELECT inserted.id, $19::timestamptz, $20::text, $21::integer, $22::text, $23::jsonb FROM inserted
     ), closed AS (
       UPDATE drafts SET status = 'submitted', updated_at = $19 WHERE id = (SELECT draft_id FROM inserted)
     )
     SELECT inserted.id, inserted.number FROM numbered LEFT JOIN inserted ON true`,
    [
      numberPrefix(record.matterCode, record.receivedOn),
      record.draftId,
      record.matterCode,
      record.version,
      record.matterName,
      record.departmentCode,
      record.applicant.userId,
      record.applicant.idNumber,
      JSON.stringify(record.applicant),
      record.filedByUserId,
      record.isOnBehalf,
      JSON.stringify(record.answers),
      JSON.stringify(record.formData),
      JSON.stringify(record.materials),
      record.idempotencyKey,
      record.submittedAt,
      record.receivedOn,
      JSON.stringify(links),
      event.at,
      event.type,
      event.actorUserId,
      event.actorName,
      event.details ? JSON.stringify(event.details) : null,
      record.fees === null ? null : JSON.stringify(record.fees),
      JSON.stringify(record.pluginVersions),
    ],
  );
  const row = rows[0];
  // What was written is what the caller handed in: not read back (its JSON would only be parsed again).
  return row?.id && row.number ? { ...record, id: Number(row.id), number: row.number, status: 'submitted' } : undefined;
}

export async function findApplicationByKey(
  q: Queryable,
  { filedByUserId, idempotencyKey }: { filedByUserId: number; idempotencyKey: string },
): Promise<ApplicationRecord | undefined> {
  const { rows } = await q.query<ApplicationRow>(
    `SELECT ${COLUMNS} FROM applications WHERE filed_by_user_id = $1 AND idempotency_key = $2`,
    [filedByUserId, idempotencyKey],
  );
  return rows[0] ? toRecord(rows[0]) : undefined;
}

export async function findApplicationByDraft(q: Queryable, draftId: string): Promise<ApplicationRecord | undefined> {
  const { rows } = await q.query<ApplicationRow>(`SELECT ${COLUMNS} FROM applications WHERE draft_id = $1`, [draftId]);
  return rows[0] ? toRecord(rows[0]) : undefined;
}

export async function findApplicationByNumber(q: Queryable, number: string): Promise<ApplicationRecord | undefined> {
  const { rows } = await q.query<ApplicationRow>(`SELECT ${COLUMNS} FROM applications WHERE number = $1`, [number]);
  return rows[0] ? toRecord(rows[0]) : undefined;
}

/**
 * The applications one person may list: those they filed (a window clerk's 代办 included) and, for a
 * citizen, those filed for their 身份证号 — also the ones a clerk filed before they had an account.
 */
export async function listApplicationsFor(
  q: Queryable,
  { userId, idNumber, limit }: { userId: number; idNumber: string | null; limit: number },
): Promise<ApplicationRecord[]> {
  const { rows } = await q.query<ApplicationRow>(
    `SELECT ${COLUMNS} FROM applications
     WHERE filed_by_user_id = $1 OR ($2::text IS NOT NULL AND applicant_id_number = $2)
     ORDER BY submitted_at DESC, id DESC LIMIT $3`,
    [userId, idNumber, limit],
  );
  return rows.map(toRecord);
}

/** The application a file was received with, if any (who may open it depends on that case). */
export async function findApplicationsOfFile(q: Queryable, fileId: string): Promise<ApplicationRecord[]> {
  const { rows } = await q.query<ApplicationRow>(
    `SELECT ${COLUMNS} FROM applications WHERE id IN (SELECT application_id FROM application_files WHERE file_id = $1)`,
    [fileId],
  );
  return rows.map(toRecord);
}

/**
 * A 补正 answer's writes: the application's form and materials as amended, and the links of the
 * files it received (those it replaced stay linked: they were received, and staff may still open
 * them). Only the caller's transaction, holding the case's lock, writes an application after submit.
 */
export async function updateApplicationContent(
  q: Queryable,
  { id, formData, materials }: { id: number; formData: Record<string, unknown>; materials: ReceivedMaterial[] },
): Promise<void> {
  const links = materials.flatMap((material) => material.fileIds.map((fileId) => [material.materialId, fileId]));
  await q.query(
    `WITH updated AS (
       UPDATE applications SET form_data = $2::jsonb, materials = $3::jsonb WHERE id = $1 RETURNING id
     )
     INSERT INTO application_files (application_id, material_id, file_id)
     SELECT updated.id, link ->> 0, (link ->> 1)::uuid FROM updated, jsonb_array_elements($4::jsonb) AS link
     ON CONFLICT DO NOTHING`,
    [id, JSON.stringify(formData), JSON.stringify(materials), JSON.stringify(links)],
  );
}
