-- The meta-schema stamp a stored document was last validated against (catalog/validationStamp.ts).
-- Start-up re-validates only rows whose stamp is not the current one: NULL (never stamped, e.g.
-- rows from before this migration or bulk loads) or an older meta-schema.
ALTER TABLE matter_versions ADD COLUMN validated_with text;

-- A document changed behind the application's back (same revision, same stamp: a hand-written
-- UPDATE, a restore) loses its stamp, so the next start-up checks it again. The application's own
-- writes bump the revision or write a new stamp, and keep theirs.
CREATE FUNCTION matter_versions_unstamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.document IS DISTINCT FROM OLD.document AND NEW.revision = OLD.revision
     AND NEW.validated_with IS NOT DISTINCT FROM OLD.validated_with THEN
    NEW.validated_with := NULL;
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER matter_versions_unstamp BEFORE UPDATE OF document ON matter_versions
  FOR EACH ROW EXECUTE FUNCTION matter_versions_unstamp();

-- No query filters on document contents, so ANALYZE need not read (and detoast) every sampled
-- document: statistics stay cheap enough to refresh at start-up and after imports.
ALTER TABLE matter_versions ALTER COLUMN document SET STATISTICS 0;
ALTER TABLE matter_versions ALTER COLUMN review_comments SET STATISTICS 0;
