-- Public reads (docs/adr/014-public-read-cache.md).
--
-- 1. A catalog stamp: one counter that every statement changing what the public can read bumps, in
--    the writer's transaction. A process keeps published answers in memory and compares the stamp
--    (one primary-key read) before trusting them, so several processes sharing one database agree.
CREATE TABLE catalog_stamp (
  id    boolean PRIMARY KEY DEFAULT true CHECK (id),
  value bigint NOT NULL
);
INSERT INTO catalog_stamp (id, value) VALUES (true, 1);

-- Fired at commit (deferred), once per transaction: the stamp row is the last lock a writer takes
-- and holds only while committing, so two writers never wait on each other through it (a statement
-- trigger would hold it from the first write on, and a bulk import locking matter after matter
-- would deadlock with a publish).
CREATE FUNCTION bump_catalog_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('matterflow.catalog_stamp_bumped', true) = 'yes' THEN RETURN NULL; END IF;
  PERFORM set_config('matterflow.catalog_stamp_bumped', 'yes', true);
  UPDATE catalog_stamp SET value = value + 1 WHERE id;
  RETURN NULL;
END $$;

-- Department names appear on search cards and guides.
CREATE CONSTRAINT TRIGGER matter_versions_stamp AFTER INSERT OR UPDATE OR DELETE ON matter_versions
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_catalog_stamp();
CREATE CONSTRAINT TRIGGER matters_stamp AFTER INSERT OR UPDATE OR DELETE ON matters
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_catalog_stamp();
CREATE CONSTRAINT TRIGGER departments_stamp AFTER INSERT OR UPDATE OR DELETE ON departments
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_catalog_stamp();

-- 2. The version in force without DISTINCT ON over every version: a published version is in force
--    on day D when it took effect and neither its cancel date nor its successor's day has come
--    (at most one per code), so a page of public results walks this index in code order and stops.
CREATE INDEX matter_versions_published_code ON matter_versions (code) WHERE status = 'published';

-- 3. Pinyin of the name (initials and full, lower-case Latin letters and digits), written by the
--    application with the name (PostgreSQL has no pinyin); rows written before this are filled at
--    start-up (backfillNamePinyin).
ALTER TABLE matter_versions ADD COLUMN name_initials text, ADD COLUMN name_pinyin text;
