-- The law register (法规库): the laws, regulations, rules and normative documents that matters cite
-- (legalRef.lawId). The entry is one jsonb document validated by law.schema.json, so a new field of
-- the register is a schema change, not a migration. Who changed it last and when, for the legal clerk.
CREATE TABLE law_register (
  id         text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{1,79}$'),
  document   jsonb NOT NULL CHECK (document ->> 'id' = id),
  -- The user name of whoever changed it last; 'system' for entries seeded at start.
  updated_by text NOT NULL,
  updated_at timestamptz NOT NULL
);
