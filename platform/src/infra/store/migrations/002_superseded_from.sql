-- The day a newer version takes effect over this one, written when the newer one is published.
-- It makes a version's state on any day a per-row expression (no look at other versions).
ALTER TABLE matter_versions ADD COLUMN superseded_from date;

UPDATE matter_versions v SET superseded_from = (
  SELECT min(n.effective_from) FROM matter_versions n
  WHERE n.code = v.code AND n.version > v.version AND n.status IN ('published', 'superseded', 'retired')
)
WHERE v.status IN ('published', 'superseded', 'retired');

CREATE INDEX matter_versions_pending ON matter_versions (status) WHERE status = 'published'
  AND (cancel_at IS NOT NULL OR superseded_from IS NOT NULL);
