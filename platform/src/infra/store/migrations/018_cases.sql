-- Cases (办件, docs/cases.md "Cases and acceptance", ADR 019): an application after submit, with its
-- acceptance decision, its clock (ClockState) and where it stands in its flow (FlowState). Its events
-- go into application_events: one timeline for the citizen and the staff.
CREATE TABLE cases (
  id               bigserial PRIMARY KEY,
  application_id   bigint NOT NULL UNIQUE REFERENCES applications(id),
  -- The matter's department at submit: whose window decides acceptance, whose queue lists it.
  department_code  text NOT NULL REFERENCES departments(code),
  status           text NOT NULL DEFAULT 'received'
                   CHECK (status IN ('received', 'supplementing', 'accepted', 'refused', 'completed',
                                     'in_review', 'decided', 'withdrawn')),
  received_on      date NOT NULL,
  -- The day the 5 working days of 行政许可法第三十二条 run from: the receipt, or the day the
  -- applicant's answer to a 补正 made the application complete.
  complete_on      date NOT NULL,
  accepted_on      date,
  clock            jsonb,
  flow_state       jsonb,
  -- The open 补正 notice's items, what the applicant is asked for; null when none is open.
  supplement       jsonb,
  supplement_count integer NOT NULL DEFAULT 0,
  is_green_channel boolean NOT NULL DEFAULT false,
  revision         integer NOT NULL DEFAULT 1,
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL
);
-- The acceptance queue: a department's cases waiting for the window, green channel first, oldest first.
CREATE INDEX cases_queue ON cases (department_code, status, is_green_channel DESC, received_on, id);

-- An action retried with the same key answers its first result and writes nothing.
CREATE TABLE case_action_keys (
  key         text PRIMARY KEY,
  case_id     bigint NOT NULL REFERENCES cases(id),
  user_id     integer NOT NULL,
  answer      jsonb NOT NULL,
  created_at  timestamptz NOT NULL
);
