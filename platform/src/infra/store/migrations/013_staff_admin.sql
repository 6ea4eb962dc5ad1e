-- Staff administration over HTTP (docs/identity.md).
--
-- Users: a revision for optimistic concurrency (two administrators editing one account: the later
-- save is refused, not silently merged) and when it last changed.
ALTER TABLE users ADD COLUMN revision integer NOT NULL DEFAULT 1;
ALTER TABLE users ADD COLUMN updated_at timestamptz;

-- Disabling a user ends their sessions at once: find them without a scan.
CREATE INDEX sessions_user ON sessions (user_id);

-- Departments: disabled ones keep their rows (users, matters and applications point at them) but
-- take no new staff. `edited_at` marks a row an administrator changed: the start-up seed, which
-- renames departments to match the seed file, leaves those alone.
ALTER TABLE departments ADD COLUMN is_active boolean NOT NULL DEFAULT true;
ALTER TABLE departments ADD COLUMN edited_at timestamptz;
