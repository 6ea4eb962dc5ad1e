-- Department plugins (docs/plugin-host.md): every uploaded version is kept with its manifest, its
-- source files, the check's result and (when the check compiled it) its code. Versions are
-- immutable; only their state moves. Which version serves is read from here on every call, so every
-- platform process switches at once when a version is enabled.
CREATE TABLE plugins (
  id              text PRIMARY KEY,
  department_code text NOT NULL,
  description     text NOT NULL,
  created_at      timestamptz NOT NULL,
  created_by      text NOT NULL
);
CREATE INDEX plugins_department ON plugins (department_code);

CREATE TABLE plugin_versions (
  plugin_id   text NOT NULL REFERENCES plugins(id),
  version     text NOT NULL,
  -- The version's major, kept apart so a pin (id, major) is resolved by an index.
  major       integer NOT NULL,
  manifest    jsonb NOT NULL,
  files       jsonb NOT NULL,
  -- null when the check stopped before compiling.
  compiled    text,
  state       text NOT NULL CHECK (state IN ('draft', 'checked', 'enabled', 'disabled')),
  "check"     jsonb NOT NULL,
  uploaded_at timestamptz NOT NULL,
  uploaded_by text NOT NULL,
  enabled_at  timestamptz,
  enabled_by  text,
  disabled_at timestamptz,
  disabled_by text,
  PRIMARY KEY (plugin_id, version),
  CHECK (state = 'draft' OR compiled IS NOT NULL)
);
-- At most one enabled version per plugin: enabling another disables it in the same transaction.
CREATE UNIQUE INDEX plugin_versions_one_enabled ON plugin_versions (plugin_id) WHERE state = 'enabled';

-- What a sysadmin granted beyond log and calendar (which every plugin has): the manifest's requests
-- are not grants.
CREATE TABLE plugin_grants (
  plugin_id     text PRIMARY KEY REFERENCES plugins(id),
  http_origins  text[] NOT NULL DEFAULT '{}',
  lookup_tables text[] NOT NULL DEFAULT '{}',
  granted_at    timestamptz NOT NULL,
  granted_by    text NOT NULL
);

-- Read-only reference tables plugins may look rows up in (key → row), kept by a sysadmin.
CREATE TABLE plugin_tables (
  name       text PRIMARY KEY,
  rows       jsonb NOT NULL,
  -- Raised by every write: the host keeps a table's rows until its revision moves (the injected
  -- clock may give two writes the same time).
  revision   bigint NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL,
  updated_by text NOT NULL
);

-- The recent failures of each version (the host keeps the last 100 per version).
CREATE TABLE plugin_failures (
  id          bigserial PRIMARY KEY,
  plugin_id   text NOT NULL,
  version     text NOT NULL,
  at          timestamptz NOT NULL,
  hook        text NOT NULL,
  kind        text NOT NULL,
  message     text NOT NULL,
  -- The case or application the call served, when there was one.
  case_number text
);
CREATE INDEX plugin_failures_version ON plugin_failures (plugin_id, version, id DESC);

-- Calls per version and hook, added to by each process's periodic flush (not one write per call).
-- histogram: call counts per latency bucket (bounds in docs/plugin-host.md "Health").
CREATE TABLE plugin_usage (
  plugin_id text NOT NULL,
  version   text NOT NULL,
  hook      text NOT NULL,
  calls     bigint NOT NULL DEFAULT 0,
  failures  bigint NOT NULL DEFAULT 0,
  total_ms  double precision NOT NULL DEFAULT 0,
  histogram bigint[] NOT NULL,
  PRIMARY KEY (plugin_id, version, hook)
);
