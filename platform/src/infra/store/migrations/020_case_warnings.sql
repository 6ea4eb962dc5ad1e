-- Warnings of a case (docs/cases.md "Clock actions and warnings"): yellow, red and overdue of the case
-- clock (again after an extension, as extended.*), a step over its own budget (环节超时), repeated
-- 补正 and no back-office activity after 受理. Written by the scheduler's timers, one row per case,
-- rung and task: each warning is recorded once whichever process fires it. Kept apart from the
-- application's timeline, which the applicant reads: warnings are for the staff and supervision.
CREATE TABLE case_warnings (
  id          bigserial PRIMARY KEY,
  case_id     bigint NOT NULL REFERENCES cases(id),
  rung        text NOT NULL,
  -- The task of a step warning; '' for the case's own (NULLs would never conflict).
  task_id     text NOT NULL DEFAULT '',
  department_code text NOT NULL,
  at          timestamptz NOT NULL,
  details     jsonb NOT NULL DEFAULT '{}'::jsonb,
  UNIQUE (case_id, rung, task_id)
);
-- Supervision reads a department's warnings newest first.
CREATE INDEX case_warnings_department ON case_warnings (department_code, at DESC);
