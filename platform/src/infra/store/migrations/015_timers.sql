-- Due timers (docs/cases.md "Timers", ADR 018): the acceptance deadline, warning rungs, deemed
-- approval, 补交 deadlines. One row per (kind, subject, rung): scheduling twice is one timer and
-- each warning rung fires once. rung is '' for kinds with a single timer per subject, since NULLs
-- would never conflict.
CREATE TABLE timers (
  id bigserial PRIMARY KEY,
  kind text NOT NULL,
  subject text NOT NULL,
  rung text NOT NULL DEFAULT '',
  due_at timestamptz NOT NULL,
  -- When it may next be tried: due_at, then later after each failed attempt (back-off).
  run_at timestamptz NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}'::jsonb,
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'fired', 'cancelled')),
  created_at timestamptz NOT NULL,
  fired_at timestamptz,
  cancelled_at timestamptz,
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  UNIQUE (kind, subject, rung)
);

-- The poll reads only pending rows in run order; fired and cancelled history does not slow it.
CREATE INDEX timers_pending_run_at ON timers (run_at, id) WHERE state = 'pending';
CREATE INDEX timers_pending_subject ON timers (subject) WHERE state = 'pending';
