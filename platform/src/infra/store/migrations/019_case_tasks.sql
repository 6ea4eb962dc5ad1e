-- Case tasks (docs/cases.md "Tasks and decisions"): the open work of a case, one row per task the
-- flow interpreter opened (its FlowState on the case stays the truth of where the case stands),
-- plus the post-approval 核查 of a 告知承诺 decision, which no flow step holds. The rows are what
-- the queues read: "my tasks" by assignee or co-signer, "my department's" by department and role.
CREATE TABLE case_tasks (
  case_id          bigint NOT NULL REFERENCES cases(id),
  -- The interpreter's id (t1, t2, …) or v1 for the 核查 task: unique within the case.
  task_id          text NOT NULL,
  kind             text NOT NULL DEFAULT 'flow' CHECK (kind IN ('flow', 'verification')),
  step_id          text NOT NULL,
  name             text NOT NULL,
  department_code  text NOT NULL,
  role             text NOT NULL,
  -- The flow's user id (users.id as text); null while the task waits in the department queue.
  assignee         text,
  -- Pending co-signers (加签): their "my tasks" lists the task until they approved.
  co_signers       text[] NOT NULL DEFAULT '{}',
  budget_days      integer,
  opened_at        timestamptz NOT NULL,
  opened_on        date NOT NULL,
  -- The step budget counted on the calendar from opened_on when the task opened; the queues derive
  -- the live reading (pauses included) and only sort by this.
  due_on           date,
  closed_at        timestamptz,
  outcome          text,
  PRIMARY KEY (case_id, task_id)
);
CREATE INDEX case_tasks_department_queue ON case_tasks (department_code, role, due_on) WHERE closed_at IS NULL;
CREATE INDEX case_tasks_assignee ON case_tasks (assignee) WHERE closed_at IS NULL;
CREATE INDEX case_tasks_co_signers ON case_tasks USING gin (co_signers) WHERE closed_at IS NULL;

-- The decision (准予 with the result and its 文号, 不予 with the reason and remedies) and the
-- delivery (送达) of a case; a terminated flow (终止) ends the case without a decision.
ALTER TABLE cases ADD COLUMN decision jsonb;
ALTER TABLE cases ADD COLUMN delivery jsonb;
ALTER TABLE cases DROP CONSTRAINT cases_status_check;
ALTER TABLE cases ADD CONSTRAINT cases_status_check
  CHECK (status IN ('received', 'supplementing', 'accepted', 'refused', 'completed',
                    'in_review', 'decided', 'withdrawn', 'terminated'));

-- A/B posts (A/B岗): a staff member's backup, and whether the holder is away. While the holder is
-- absent the backup sees and acts on the holder's tasks, and a transfer to the holder goes to the
-- backup. Kept by the department's administrator; both accounts are of one department and role.
CREATE TABLE staff_posts (
  user_id         integer PRIMARY KEY REFERENCES users(id),
  backup_user_id  integer REFERENCES users(id) CHECK (backup_user_id <> user_id),
  is_absent       boolean NOT NULL DEFAULT false,
  updated_by      integer NOT NULL,
  updated_at      timestamptz NOT NULL
);
CREATE INDEX staff_posts_backup ON staff_posts (backup_user_id) WHERE is_absent;
