-- Uploaded files. One row per upload: who uploaded it, the name it came with, what its bytes were
-- sniffed as and how the scan went. The bytes are stored once per content (DATA_DIR/files by
-- sha256), so two rows may share a sha256. Times come from the server's clock, as parameters.
CREATE TABLE files (
  id             uuid PRIMARY KEY,
  owner_user_id  integer NOT NULL REFERENCES users(id),
  sha256         text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size_bytes     bigint NOT NULL CHECK (size_bytes >= 0),
  media_type     text NOT NULL,
  extension      text NOT NULL,
  original_name  text NOT NULL CHECK (length(original_name) BETWEEN 1 AND 255),
  -- 'infected' is never stored at upload (refused, nothing kept); a later rescan may set it.
  scan_status    text NOT NULL CHECK (scan_status IN ('clean', 'unscanned', 'infected')),
  scan_signature text,
  scanned_at     timestamptz,
  created_at     timestamptz NOT NULL,
  -- What the upload was for ({draftId, materialId}); the files module does not interpret it.
  purpose        jsonb NOT NULL DEFAULT '{}'::jsonb,
  CHECK ((scan_status = 'unscanned') = (scanned_at IS NULL)),
  CHECK ((scan_status = 'infected') = (scan_signature IS NOT NULL))
);

-- The orphan sweep and the "is this blob still used" check look blobs up by content.
CREATE INDEX files_sha256 ON files (sha256);
CREATE INDEX files_owner ON files (owner_user_id, created_at);
