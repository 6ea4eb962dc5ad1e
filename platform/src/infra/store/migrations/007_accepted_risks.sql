-- Legal-affairs' recorded decisions to publish a matter version over an error-level quality finding
-- (docs/quality.md): one row per finding (rule + pointer) and version, with the reason, who and when.
-- The finding itself stays in the quality report, marked accepted; a new version starts without any.
CREATE TABLE accepted_risks (
  code        text NOT NULL,
  version     integer NOT NULL,
  rule        text NOT NULL,
  pointer     text NOT NULL,
  reason      text NOT NULL CHECK (length(btrim(reason)) > 0),
  -- The finding's message when it was accepted: what legal read when deciding.
  message     text NOT NULL,
  accepted_by text NOT NULL,
  accepted_by_name text NOT NULL,
  accepted_at timestamptz NOT NULL,
  PRIMARY KEY (code, version, rule, pointer),
  FOREIGN KEY (code, version) REFERENCES matter_versions (code, version)
);
