-- The result of a decided case (docs/cases.md "The result"): the licence or certificate the chief or
-- the window attaches after 准予 (a scan or the electronic licence, uploaded through POST /api/files),
-- kept with the case so the applicant can download it: {fileId, name, size, mediaType, attachedOn}.
-- A second attachment replaces the first; both stay in the timeline.
ALTER TABLE cases ADD COLUMN result_file jsonb;
-- The files module asks, for a download, whether a file is some case's result.
CREATE INDEX cases_result_file ON cases ((result_file ->> 'fileId')) WHERE result_file IS NOT NULL;
