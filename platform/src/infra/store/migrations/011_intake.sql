-- Intake: drafts an applicant fills, the applications they submit, the files each material received,
-- and the event timeline the case engine continues. Every time is the injected clock's (a parameter).

CREATE TABLE drafts (
  id             uuid PRIMARY KEY,
  matter_code    text NOT NULL,
  version        integer NOT NULL,
  owner_user_id  integer NOT NULL REFERENCES users(id),    -- who fills it: the citizen, or the window clerk (代办)
  applicant      jsonb NOT NULL,                          -- {name, idNumber, phone, userId|null}
  is_on_behalf   boolean NOT NULL DEFAULT false,
  answers        jsonb NOT NULL DEFAULT '{}',
  form_data      jsonb NOT NULL DEFAULT '{}',
  materials      jsonb NOT NULL DEFAULT '{}',              -- materialId → [file id]
  revision       integer NOT NULL DEFAULT 1,
  upgrade        jsonb,                                   -- what changed when it moved to a newer version
  status         text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'submitted')),
  created_at     timestamptz NOT NULL,
  updated_at     timestamptz NOT NULL,
  FOREIGN KEY (matter_code, version) REFERENCES matter_versions (code, version)
);
CREATE INDEX drafts_owner ON drafts (owner_user_id, updated_at DESC);

CREATE TABLE applications (
  id                  bigserial PRIMARY KEY,
  number              text NOT NULL UNIQUE,               -- <实施编码><yyyyMMdd><4-digit sequence>
  draft_id            uuid NOT NULL UNIQUE REFERENCES drafts(id),
  matter_code         text NOT NULL,
  version             integer NOT NULL,
  matter_name         text NOT NULL,
  department_code     text NOT NULL REFERENCES departments(code),
  applicant_user_id   integer REFERENCES users(id),
  applicant_id_number text NOT NULL,
  applicant           jsonb NOT NULL,
  filed_by_user_id    integer NOT NULL REFERENCES users(id),
  is_on_behalf        boolean NOT NULL,
  answers             jsonb NOT NULL,
  form_data           jsonb NOT NULL,
  materials           jsonb NOT NULL,                     -- [{materialId, name, requirement, fileIds}]
  status              text NOT NULL DEFAULT 'submitted',
  idempotency_key     text NOT NULL,
  submitted_at        timestamptz NOT NULL,
  received_on         date NOT NULL,
  UNIQUE (filed_by_user_id, idempotency_key),
  FOREIGN KEY (matter_code, version) REFERENCES matter_versions (code, version)
);
CREATE INDEX applications_applicant ON applications (applicant_id_number, submitted_at DESC);
CREATE INDEX applications_filed_by ON applications (filed_by_user_id, submitted_at DESC);

CREATE TABLE application_files (
  application_id bigint NOT NULL REFERENCES applications(id),
  material_id    text NOT NULL,
  file_id        uuid NOT NULL REFERENCES files(id),
  PRIMARY KEY (application_id, material_id, file_id)
);
CREATE INDEX application_files_file ON application_files (file_id);

-- Append-only: the case engine adds acceptance, steps and decisions as further event types.
CREATE TABLE application_events (
  id             bigserial PRIMARY KEY,
  application_id bigint NOT NULL REFERENCES applications(id),
  at             timestamptz NOT NULL,
  type           text NOT NULL,
  actor_user_id  integer REFERENCES users(id),
  actor_name     text,
  details        jsonb
);
CREATE INDEX application_events_application ON application_events (application_id, id);

-- The last sequence number given per matter and day (the prefix <实施编码><yyyyMMdd>).
CREATE TABLE application_numbers (
  prefix text PRIMARY KEY,
  last   integer NOT NULL
);
