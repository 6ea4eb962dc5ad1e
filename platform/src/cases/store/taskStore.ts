import type { Queryable } from '../../kernel';

/** One row of case_tasks: a task the flow opened, or the 核查 after a 告知承诺 approval. */
export interface TaskRow {
  caseId: number;
  taskId: string;
  kind: 'flow' | 'verification';
  stepId: string;
  name: string;
  departmentCode: string;
  role: string;
  assignee: string | null;
  budgetDays: number | null;
  openedOn: string;
  dueOn: string | null;
}

export async function insertTask(q: Queryable, row: TaskRow & { at: Date }): Promise<void> {
  await q.query(
    `INSERT INTO case_tasks (case_id, task_id, kind, step_id, name, department_code, role, assignee, budget_days,
       opened_at, opened_on, due_on)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      row.caseId,
      row.taskId,
      row.kind,
      row.stepId,
      row.name,
      row.departmentCode,
      row.role,
      row.assignee,
      row.budgetDays,
      row.at,
      row.openedOn,
      row.dueOn,
    ],
  );
}

export async function closeTaskRow(
  q: Queryable,
  { caseId, taskId, outcome, at }: { caseId: number; taskId: string; outcome: string; at: Date },
): Promise<void> {
  await q.query(
    'UPDATE case_tasks SET closed_at = $3, outcome = $4, co_signers = $5 WHERE case_id = $1 AND task_id = $2 AND closed_at IS NULL',
    [caseId, taskId, at, outcome, []],
  );
}

export async function setTaskAssignee(
  q: Queryable,
  { caseId, taskId, assignee }: { caseId: number; taskId: string; assignee: string },
) {
  await q.query('UPDATE case_tasks SET assignee = $3 WHERE case_id = $1 AND task_id = $2', [caseId, taskId, assignee]);
}

/** The co-signers still to approve (加签): whose "my tasks" lists the task. */
export async function setPendingSigners(
  q: Queryable,
  { caseId, taskId, userIds }: { caseId: number; taskId: string; userIds: readonly string[] },
): Promise<void> {
  await q.query('UPDATE case_tasks SET co_signers = $3 WHERE case_id = $1 AND task_id = $2', [caseId, taskId, userIds]);
}

/** An open task's row (the 核查 task lives only here, not in the FlowState). */
export async function findOpenTaskRow(
  q: Queryable,
  { caseId, taskId }: { caseId: number; taskId: string },
): Promise<{ departmentCode: string; role: string; assignee: string | null; name: string } | undefined> {
  const { rows } = await q.query<{ department_code: string; role: string; assignee: string | null; name: string }>(
    'SELECT department_code, role, assignee, name FROM case_tasks WHERE case_id = $1 AND task_id = $2 AND closed_at IS NULL',
    [caseId, taskId],
  );
  const row = rows[0];
  return row ? { departmentCode: row.department_code, role: row.role, assignee: row.assignee, name: row.name } : undefined;
}

/** When a task opened and what it is due: the step clock of one task. */
export async function findTaskTiming(
  q: Queryable,
  { caseId, taskId }: { caseId: number; taskId: string },
): Promise<{ openedOn: string; budgetDays: number | null } | undefined> {
  const { rows } = await q.query<{ opened_on: string; budget_days: number | null }>(
    'SELECT opened_on::text AS opened_on, budget_days FROM case_tasks WHERE case_id = $1 AND task_id = $2',
    [caseId, taskId],
  );
  const row = rows[0];
  return row ? { openedOn: row.opened_on, budgetDays: row.budget_days } : undefined;
}

/** Whether a department holds or held a task on the case (a parallel branch's department reads the case). */
export async function hasDepartmentTask(q: Queryable, { caseId, departmentCode }: { caseId: number; departmentCode: string }) {
  const { rows } = await q.query('SELECT 1 FROM case_tasks WHERE case_id = $1 AND department_code = $2 LIMIT 1', [
    caseId,
    departmentCode,
  ]);
  return rows.length > 0;
}

export interface QueuedTaskRow extends TaskRow {
  number: string;
  revision: number;
  matterName: string;
  applicantName: string;
  isGreenChannel: boolean;
  coSigners: string[];
  clock: { pauses?: unknown[] } | null;
}

export type TaskQueueFilter =
  { queue: 'mine'; userId: string } | { queue: 'department'; departmentCode: string; role: string | null };

/**
 * Open tasks for a queue: "mine" are the tasks held or to be co-signed by the user; "department"
 * the department's tasks nobody claimed yet, for one role (null: every role, for the dept_admin).
 * Green channel first, then the stored step due day; the caller derives the live reading.
 */
export async function listOpenTasks(q: Queryable, filter: TaskQueueFilter, limit: number): Promise<QueuedTaskRow[]> {
  const where =
    filter.queue === 'mine'
      ? {
          // A/B岗: the tasks of holders marked absent who name the user as their backup.
          sql: `(t.assignee = $1 OR $1 = ANY (t.co_signers) OR t.assignee IN
                 (SELECT p.user_id::text FROM staff_posts p WHERE p.is_absent AND p.backup_user_id::text = $1))`,
          values: [filter.userId],
        }
      : {
          sql: 't.department_code = $1 AND t.assignee IS NULL AND ($2::text IS NULL OR t.role = $2)',
          values: [filter.departmentCode, filter.role],
        };
  const { rows } = await q.query<{
    case_id: string;
    task_id: string;
    kind: 'flow' | 'verification';
    step_id: string;
    name: string;
    department_code: string;
    role: string;
    assignee: string | null;
    co_signers: string[];
    budget_days: number | null;
    opened_on: string;
    due_on: string | null;
    number: string;
    revision: number;
    matter_name: string;
    applicant_name: string;
    is_green_channel: boolean;
    clock: QueuedTaskRow['clock'];
  }>(
    `SELECT t.case_id, t.task_id, t.kind, t.step_id, t.name, t.department_code, t.role, t.assignee, t.co_signers,
       t.budget_days, t.opened_on::text AS opened_on, t.due_on::text AS due_on, a.number, c.revision,
       a.matter_name, a.applicant ->> 'name' AS applicant_name, c.is_green_channel, c.clock
     FROM case_tasks t JOIN cases c ON c.id = t.case_id JOIN applications a ON a.id = c.application_id
     WHERE t.closed_at IS NULL AND ${where.sql}
     ORDER BY c.is_green_channel DESC, t.due_on NULLS LAST, t.opened_at, t.case_id, t.task_id
     LIMIT $${where.values.length + 1}`,
    [...where.values, limit],
  );
  return rows.map((row) => ({
    caseId: Number(row.case_id),
    taskId: row.task_id,
    kind: row.kind,
    stepId: row.step_id,
    name: row.name,
    departmentCode: row.department_code,
    role: row.role,
    assignee: row.assignee,
    coSigners: row.co_signers,
    budgetDays: row.budget_days,
    openedOn: row.opened_on,
    dueOn: row.due_on,
    number: row.number,
    revision: row.revision,
    matterName: row.matter_name,
    applicantName: row.applicant_name ?? '',
    isGreenChannel: row.is_green_channel,
    clock: row.clock,
  }));
}
