-- A matter's recent applications, newest first: the impact of a new version (docs/intake.md) pages
-- through them by (submitted_at, id) without reading every application of every matter.
CREATE INDEX applications_matter_submitted ON applications (matter_code, submitted_at DESC, id DESC);
