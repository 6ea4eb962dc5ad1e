import type { MatterDocument, MatterStatus, MatterVersion, ReviewComment } from '../MatterVersion';

/**
 * The status a version has on day `$1` (today): stored transitions happen at once, but a future
 * effective or cancel date takes effect by itself. `newerInForce` is a SQL predicate that is true
 * when a newer version of the same matter has taken effect.
 */
export function effectiveStatusSql(newerInForce: string): string {
  return `CASE
  WHEN v.status = 'published' AND v.cancel_at IS NOT NULL AND v.cancel_at <= $1::date THEN 'retired'
  WHEN v.status = 'published' AND ${newerInForce} THEN 'superseded'
  ELSE v.status END`;
}

/** For lookups of one matter: a correlated check per version is cheap there. */
export const EFFECTIVE_STATUS_SQL = effectiveStatusSql(`EXISTS (
    SELECT 1 FROM matter_versions n
    WHERE n.code = v.code AND n.version > v.version
      AND n.status IN ('published', 'superseded', 'retired') AND n.effective_from <= $1::date)`);

export const VERSION_COLUMNS = `v.code, v.version, (${EFFECTIVE_STATUS_SQL}) AS status, v.revision,
  v.meta_schema_version, v.name, v.task_type, v.department_code, v.effective_from, v.cancel_at,
  v.review_comments, v.created_at, v.updated_at, v.submitted_at, v.published_at`;

export interface VersionRow {
  code: string;
  version: number;
  status: MatterStatus;
  revision: number;
  meta_schema_version: number;
  name: string;
  task_type: string;
  department_code: string;
  effective_from: string | null;
  cancel_at: string | null;
  review_comments: ReviewComment[] | null;
  created_at: Date;
  updated_at: Date;
  submitted_at: Date | null;
  published_at: Date | null;
  document?: MatterDocument;
}

const iso = (value: Date | null) => (value ? new Date(value).toISOString() : null);

export function toMatterVersion(row: VersionRow): MatterVersion {
  return {
    code: row.code,
    version: row.version,
    status: row.status,
    revision: row.revision,
    metaSchemaVersion: row.meta_schema_version,
    name: row.name,
    type: row.task_type,
    departmentCode: row.department_code,
    effectiveFrom: row.effective_from,
    cancelAt: row.cancel_at,
    reviewComments: row.review_comments ?? [],
    createdAt: iso(row.created_at) ?? '',
    updatedAt: iso(row.updated_at) ?? '',
    submittedAt: iso(row.submitted_at),
    publishedAt: iso(row.published_at),
    document: (row.document ?? {}) as MatterDocument,
  };
}
