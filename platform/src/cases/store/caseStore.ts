import type { Queryable } from '../../kernel';
import type { CaseRecord, CaseStatus } from '../Case';
import { CASE_DOCUMENTS_COLUMN } from './documentNumberStore';

interface CaseRow {
  id: string;
  application_id: string;
  department_code: string;
  status: CaseStatus;
  received_on: string;
  complete_on: string;
  accepted_on: string | null;
  clock: CaseRecord['clock'];
  flow_state: CaseRecord['flowState'];
  supplement: CaseRecord['supplement'];
  supplement_count: number;
  is_green_channel: boolean;
  revision: number;
  number: string;
  decision: CaseRecord['decision'];
  delivery: CaseRecord['delivery'];
  result_file: CaseRecord['resultFile'];
  documents: CaseRecord['documents'];
}

// Dates as text: a DATE column must not pass through a JavaScript Date and its time zone.
const COLUMNS = `c.id, c.application_id, c.department_code, c.status, c.received_on::text AS received_on,
  c.complete_on::text AS complete_on, c.accepted_on::text AS accepted_on, c.clock, c.flow_state, c.supplement,
  c.supplement_count, c.is_green_channel, c.revision, a.number, c.decision, c.delivery, c.result_file,
  ${CASE_DOCUMENTS_COLUMN}`;
// The application's number is intake's; a case is found by it (read only, never written here).
const FROM = 'cases c JOIN applications a ON a.id = c.application_id';
const LOCK = ' FOR UPDATE OF c';

const toRecord = (row: CaseRow): CaseRecord => ({
  id: Number(row.id),
  applicationId: Number(row.application_id),
  departmentCode: row.department_code,
  status: row.status,
  receivedOn: row.received_on,
  completeOn: row.complete_on,
  acceptedOn: row.accepted_on,
  clock: row.clock,
  flowState: row.flow_state,
  supplement: row.supplement,
  supplementCount: row.supplement_count,
  isGreenChannel: row.is_green_channel,
  revision: row.revision,
  number: row.number,
  decision: row.decision,
  delivery: row.delivery,
  resultFile: row.result_file,
  documents: row.documents,
});

/** Opens the case of an application once: a second call (a retried submit, the sweep) finds it there. */
/** The insert of a case, as a statement to run or to put in front of another (openCase adds its timer). */
export function insertCaseStatement(input: { applicationId: number; departmentCode: string; receivedOn: string; at: Date }): {
  sql: string;
  params: unknown[];
} {
  return {
    sql: `INSERT INTO cases (application_id, department_code, received_on, complete_on, created_at, updated_at)
     VALUES ($1, $2, $3::date, $3::date, $4, $4)
     ON CONFLICT (application_id) DO NOTHING RETURNING id`,
    params: [input.applicationId, input.departmentCode, input.receivedOn, input.at],
  };
}

/** A case by its application's number; `isLocked` holds its row until the transaction ends (one action at a time). */
export async function findCaseByNumber(q: Queryable, number: string, { isLocked = false } = {}): Promise<CaseRecord | undefined> {
  const { rows } = await q.query<CaseRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE a.number = $1${isLocked ? LOCK : ''}`, [number]);
  return rows[0] ? toRecord(rows[0]) : undefined;
}

/** The case whose attached result is this file (the files module asks before a download). */
export async function findCaseByResultFile(q: Queryable, fileId: string): Promise<CaseRecord | undefined> {
  const { rows } = await q.query<CaseRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE c.result_file ->> 'fileId' = $1`, [fileId]);
  return rows[0] ? toRecord(rows[0]) : undefined;
}

export async function findCaseById(q: Queryable, id: number, { isLocked = false } = {}): Promise<CaseRecord | undefined> {
  const { rows } = await q.query<CaseRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE c.id = $1${isLocked ? LOCK : ''}`, [id]);
  return rows[0] ? toRecord(rows[0]) : undefined;
}

export type CaseChange = Partial<
  Pick<
    CaseRecord,
    | 'status'
    | 'acceptedOn'
    | 'clock'
    | 'flowState'
    | 'supplement'
    | 'supplementCount'
    | 'completeOn'
    | 'decision'
    | 'delivery'
    | 'resultFile'
    | 'isGreenChannel'
  >
>;

const CHANGE_COLUMNS: Record<keyof CaseChange, { column: string; isJson?: boolean }> = {
  status: { column: 'status' },
  acceptedOn: { column: 'accepted_on' },
  clock: { column: 'clock', isJson: true },
  flowState: { column: 'flow_state', isJson: true },
  supplement: { column: 'supplement', isJson: true },
  supplementCount: { column: 'supplement_count' },
  completeOn: { column: 'complete_on' },
  decision: { column: 'decision', isJson: true },
  delivery: { column: 'delivery', isJson: true },
  resultFile: { column: 'result_file', isJson: true },
  isGreenChannel: { column: 'is_green_channel' },
};

/**
 * Writes a change and moves the revision on, if the case is still at `revision`: the caller holds
 * the row's lock, so this only fails when it read a stale revision. Answers the new revision.
 */
export async function updateCase(
  q: Queryable,
  { id, revision, at }: { id: number; revision: number; at: Date },
  change: CaseChange,
): Promise<number | undefined> {
  const sets: string[] = [];
  const values: unknown[] = [id, revision, at];
  for (const [key, value] of Object.entries(change) as [keyof CaseChange, unknown][]) {
    const { column, isJson } = CHANGE_COLUMNS[key];
    values.push(isJson && value !== null ? JSON.stringify(value) : value);
    sets.push(`${column} = $${values.length}`);
  }
  const { rows } = await q.query<{ revision: number }>(
    `UPDATE cases SET ${sets.join(', ')}, revision = revision + 1, updated_at = $3
     WHERE id = $1 AND revision = $2 RETURNING revision`,
    values,
  );
  return rows[0]?.revision;
}

export interface QueuedCase {
  number: string;
  matterName: string;
  applicantName: string;
  receivedOn: string;
  isGreenChannel: boolean;
  supplementCount: number;
  /** The day the acceptance period runs from: the receipt, or the answer that completed a 补正. */
  completeOn: string;
}

/** A department's cases waiting for the window: green channel first, then the nearest acceptance deadline. */
export async function listAcceptanceQueue(
  q: Queryable,
  { departmentCode, limit }: { departmentCode: string; limit: number },
): Promise<QueuedCase[]> {
  const { rows } = await q.query<{
    number: string;
    matter_name: string;
    applicant_name: string;
    received_on: string;
    is_green_channel: boolean;
    supplement_count: number;
    complete_on: string;
  }>(
    `SELECT a.number, a.matter_name, a.applicant ->> 'name' AS applicant_name, c.received_on::text AS received_on,
       c.is_green_channel, c.supplement_count, c.complete_on::text AS complete_on
     FROM ${FROM}
     WHERE c.department_code = $1 AND c.status = 'received'
     ORDER BY c.is_green_channel DESC, c.complete_on, c.received_on, c.id LIMIT $2`,
    [departmentCode, limit],
  );
  return rows.map((row) => ({
    number: row.number,
    matterName: row.matter_name,
    applicantName: row.applicant_name,
    receivedOn: row.received_on,
    isGreenChannel: row.is_green_channel,
    supplementCount: row.supplement_count,
    completeOn: row.complete_on,
  }));
}

/** Applications submitted with no case yet (before cases existed, or by a path without the submit hook): their numbers. */
export async function listApplicationsWithoutCase(q: Queryable, limit: number): Promise<string[]> {
  const { rows } = await q.query<{ number: string }>(
    `SELECT a.number FROM applications a WHERE NOT EXISTS (SELECT 1 FROM cases c WHERE c.application_id = a.id)
     ORDER BY a.id LIMIT $1`,
    [limit],
  );
  return rows.map((row) => row.number);
}
