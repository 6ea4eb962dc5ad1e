import type { MatterDocument, MatterStatus, MatterVersion, MatterVersionHeader, ReviewComment } from '../MatterVersion';

/**
 * The status a version has on day `$1` (today): stored transitions happen at once, but a future
 * cancel date, or a newer version's future effective date (`superseded_from`, written when that
 * version is published), takes effect by itself on its day.
 */
export const EFFECTIVE_STATUS_SQL = `CASE
  WHEN v.status = 'published' AND v.cancel_at <= $1::date THEN 'retired'
  WHEN v.status = 'published' AND v.superseded_from <= $1::date THEN 'superseded'
  ELSE v.status END`;

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
  return { ...toVersionHeader(row), document: (row.document ?? {}) as MatterDocument };
}

export function toVersionHeader(row: VersionRow): MatterVersionHeader {
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
  };
}
