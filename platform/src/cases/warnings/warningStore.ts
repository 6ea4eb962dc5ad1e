import type { Queryable } from '../../kernel';
import type { ClockState } from '../clock';

/** The case events that are back-office work on a case after 受理 (not a warning, not a 催办). */
const ACTIVITY_TYPES = [
  'task_claimed',
  'task_approved',
  'task_returned',
  'task_transferred',
  'task_department_transferred',
  'task_signer_added',
  'case_decided',
  'case_denied',
  'case_terminated',
  'case_procedure_started',
  'case_procedure_ended',
  'case_extended',
];

/** Whether anyone worked on the case in the back office since `since`. */
export async function hasBackOfficeActivity(q: Queryable, { applicationId, since }: { applicationId: number; since: Date }) {
  const { rows } = await q.query(
    `SELECT 1 FROM application_events WHERE application_id = $1 AND at >= $2 AND type = ANY ($3::text[]) LIMIT 1`,
    [applicationId, since, ACTIVITY_TYPES],
  );
  return rows.length > 0;
}

export interface CaseWarning {
  rung: string;
  taskId: string | null;
  departmentCode: string;
  at: Date;
  details: Record<string, unknown>;
}

/** Records a warning once: a second write of the same case, rung and task changes nothing. Answers whether it wrote. */
export async function insertWarning(
  q: Queryable,
  { caseId, rung, taskId, departmentCode, at, details }: Omit<CaseWarning, 'taskId'> & { caseId: number; taskId?: string },
): Promise<boolean> {
  const { rowCount } = await q.query(
    `INSERT INTO case_warnings (case_id, rung, task_id, department_code, at, details) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (case_id, rung, task_id) DO NOTHING`,
    [caseId, rung, taskId ?? '', departmentCode, at, JSON.stringify(details)],
  );
  return rowCount > 0;
}

export async function listWarnings(q: Queryable, caseId: number): Promise<CaseWarning[]> {
  const { rows } = await q.query<{
    rung: string;
    task_id: string;
    department_code: string;
    at: Date;
    details: Record<string, unknown>;
  }>('SELECT rung, task_id, department_code, at, details FROM case_warnings WHERE case_id = $1 ORDER BY at, id', [caseId]);
  return rows.map((row) => ({
    rung: row.rung,
    taskId: row.task_id === '' ? null : row.task_id,
    departmentCode: row.department_code,
    at: row.at,
    details: row.details,
  }));
}

/** When the case was accepted, by its acceptance event (at the window or deemed). */
export async function acceptedAt(q: Queryable, applicationId: number): Promise<Date | undefined> {
  const { rows } = await q.query<{ at: Date }>(
    `SELECT at FROM application_events WHERE application_id = $1 AND type IN ('case_accepted', 'case_deemed_accepted')
     ORDER BY id DESC LIMIT 1`,
    [applicationId],
  );
  return rows[0]?.at;
}

export interface OpenTaskTiming {
  openedOn: string;
  budgetDays: number | null;
  isClosed: boolean;
  stepId: string;
  name: string;
  departmentCode: string;
}

export async function findTaskTiming(q: Queryable, { caseId, taskId }: { caseId: number; taskId: string }) {
  const { rows } = await q.query<{
    opened_on: string;
    budget_days: number | null;
    closed_at: Date | null;
    step_id: string;
    name: string;
    department_code: string;
  }>(
    `SELECT opened_on::text AS opened_on, budget_days, closed_at, step_id, name, department_code
     FROM case_tasks WHERE case_id = $1 AND task_id = $2`,
    [caseId, taskId],
  );
  const row = rows[0];
  if (!row) return undefined;
  return {
    openedOn: row.opened_on,
    budgetDays: row.budget_days,
    isClosed: row.closed_at !== null,
    stepId: row.step_id,
    name: row.name,
    departmentCode: row.department_code,
  } satisfies OpenTaskTiming;
}

/** Open cases with a running clock, by id from `afterId`: what the sweep reads, a page at a time. */
export async function listOpenClocks(
  q: Queryable,
  { afterId, limit }: { afterId: number; limit: number },
): Promise<{ id: number; clock: ClockState }[]> {
  const { rows } = await q.query<{ id: string; clock: ClockState }>(
    `SELECT id, clock FROM cases
     WHERE status IN ('in_review', 'accepted') AND clock IS NOT NULL AND id > $1 AND NOT (clock ? 'stoppedOn')
     ORDER BY id LIMIT $2`,
    [afterId, limit],
  );
  return rows.map((row) => ({ id: Number(row.id), clock: row.clock }));
}

/** Open flow tasks with a budget of the cases from `afterId` (through `uptoId`), with their case's pauses. */
export async function listOpenStepTimings(
  q: Queryable,
  { afterId, uptoId }: { afterId: number; uptoId: number },
): Promise<{ caseId: number; taskId: string; openedOn: string; budgetDays: number; clock: ClockState | null }[]> {
  const { rows } = await q.query<{
    case_id: string;
    task_id: string;
    opened_on: string;
    budget_days: number;
    clock: ClockState | null;
  }>(
    `SELECT t.case_id, t.task_id, t.opened_on::text AS opened_on, t.budget_days, c.clock
     FROM case_tasks t JOIN cases c ON c.id = t.case_id
     WHERE t.closed_at IS NULL AND t.kind = 'flow' AND t.budget_days IS NOT NULL AND t.case_id > $1 AND t.case_id <= $2
       AND c.status = 'in_review'`,
    [afterId, uptoId],
  );
  return rows.map((row) => ({
    caseId: Number(row.case_id),
    taskId: row.task_id,
    openedOn: row.opened_on,
    budgetDays: row.budget_days,
    clock: row.clock,
  }));
}
