-- Foundation: departments, identity, audit, the matter catalog.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE departments (
  code        text PRIMARY KEY,             -- 统一社会信用代码 (18 chars, GB 32100)
  name        text NOT NULL UNIQUE,
  short_name  text,
  region      text NOT NULL,                -- 行政区划代码 (6 digits)
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id              serial PRIMARY KEY,
  username        text NOT NULL UNIQUE,
  display_name    text NOT NULL,
  password_hash   text NOT NULL,
  role            text NOT NULL CHECK (role IN ('citizen','window','reviewer','chief','dept_admin','legal','supervisor','sysadmin')),
  department_code text REFERENCES departments(code),
  is_active       boolean NOT NULL DEFAULT true,
  created_at      timestamptz NOT NULL DEFAULT now(),
  CHECK ((role IN ('window','reviewer','chief','dept_admin')) = (department_code IS NOT NULL))
);

CREATE TABLE sessions (
  token_hash  text PRIMARY KEY,             -- sha256 of the cookie value: a leaked table grants nothing
  user_id     integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token  text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL
);
CREATE INDEX sessions_expires ON sessions (expires_at);

-- Failed logins, kept in the database so that the limit holds across server processes.
CREATE TABLE login_failures (
  id        bigserial PRIMARY KEY,
  username  text NOT NULL,
  ip        text NOT NULL,
  at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_username ON login_failures (username, at);
CREATE INDEX login_failures_ip ON login_failures (ip, at);

CREATE TABLE audit_log (
  id          bigserial PRIMARY KEY,
  at          timestamptz NOT NULL DEFAULT now(),
  user_id     integer REFERENCES users(id),
  username    text,
  action      text NOT NULL,
  target_type text NOT NULL,
  target_id   text,
  details     jsonb,
  ip          text
);
CREATE INDEX audit_log_target ON audit_log (target_type, target_id);

CREATE TABLE matters (
  code            text PRIMARY KEY,         -- 实施编码
  department_code text NOT NULL REFERENCES departments(code),
  created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE matter_versions (
  code                text NOT NULL REFERENCES matters(code),
  version             integer NOT NULL CHECK (version >= 1),
  status              text NOT NULL CHECK (status IN ('draft','in_review','published','superseded','retired')),
  revision            integer NOT NULL DEFAULT 1,   -- optimistic concurrency for drafts
  meta_schema_version integer NOT NULL,
  document            jsonb NOT NULL,
  -- Denormalised from the document for search; written in the same statement as the document.
  name                text NOT NULL,
  catalog_code        text,
  task_type           text NOT NULL,
  department_code     text NOT NULL REFERENCES departments(code),
  levels              text[] NOT NULL DEFAULT '{}',
  service_objects     text[] NOT NULL DEFAULT '{}',
  effective_from      date,
  cancel_at           date,
  review_comments     jsonb,
  created_by          integer REFERENCES users(id),
  updated_by          integer REFERENCES users(id),
  published_by        integer REFERENCES users(id),
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  submitted_at        timestamptz,
  published_at        timestamptz,
  PRIMARY KEY (code, version)
);
-- At most one open draft (draft or in review) per matter.
CREATE UNIQUE INDEX matter_versions_one_open ON matter_versions (code) WHERE status IN ('draft','in_review');
CREATE INDEX matter_versions_dept ON matter_versions (department_code);
CREATE INDEX matter_versions_status ON matter_versions (status);
CREATE INDEX matter_versions_name_trgm ON matter_versions USING gin (name gin_trgm_ops);
