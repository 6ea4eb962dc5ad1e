import { CURRENT_META_SCHEMA_VERSION } from '@matterflow/schemas';
import type { Queryable } from '../../kernel';
import { validationStamp } from '../validationStamp';
import { namePinyin } from './namePinyin';
import type { MatterDocument, MatterStatus, MatterVersion, MatterVersionHeader } from '../MatterVersion';
import { VERSION_COLUMNS, toMatterVersion, toVersionHeader, type VersionRow } from './versionColumns';

// Documents are written only after validateDocument, so each write carries validationStamp():
// start-up then skips them (checkStoredDocuments).

/** Columns denormalised from the document for search, written together with it. */
function searchColumns(document: MatterDocument) {
  const levels = Array.isArray(document.levels) ? (document.levels as string[]) : [];
  const objects = Array.isArray(document.serviceObjects) ? (document.serviceObjects as string[]) : [];
  const pinyin = namePinyin(document.name);
  return {
    name: document.name,
    nameInitials: pinyin.initials,
    namePinyin: pinyin.full,
    catalogCode: typeof document.catalogCode === 'string' ? document.catalogCode : null,
    type: document.type,
    departmentCode: document.department.code,
    levels,
    objects,
  };
}

export async function findVersion(
  q: Queryable,
  { code, version, today }: { code: string; version: number; today: string },
): Promise<MatterVersion | undefined> {
  const result = await q.query<VersionRow>(
    `SELECT ${VERSION_COLUMNS}, v.document FROM matter_versions v WHERE v.code = $2 AND v.version = $3`,
    [today, code, version],
  );
  const row = result.rows[0];
  return row ? toMatterVersion(row) : undefined;
}

async function currentVersionRow(q: Queryable, { code, today }: { code: string; today: string }, withDocument: boolean) {
  const result = await q.query<VersionRow>(
    `SELECT ${VERSION_COLUMNS}${withDocument ? ', v.document' : ''} FROM matter_versions v
     WHERE v.code = $2 AND v.status IN ('published', 'retired', 'superseded') AND v.effective_from <= $1::date
     ORDER BY v.version DESC LIMIT 1`,
    [today, code],
  );
  const row = result.rows[0];
  return !row || (row.cancel_at !== null && row.cancel_at <= today) ? undefined : row;
}

/**
 * The version citizens see today: the newest one that has taken effect, unless it is cancelled.
 * Retiring that version retires the matter; an older, superseded version never comes back.
 */
export async function findCurrentVersion(
  q: Queryable,
  { code, today }: { code: string; today: string },
): Promise<MatterVersion | undefined> {
  const row = await currentVersionRow(q, { code, today }, true);
  return row ? toMatterVersion(row) : undefined;
}

/** findCurrentVersion without the document (tens of KB of JSON), for a reader that keeps frozen documents. */
export async function findCurrentVersionHeader(
  q: Queryable,
  { code, today }: { code: string; today: string },
): Promise<MatterVersionHeader | undefined> {
  const row = await currentVersionRow(q, { code, today }, false);
  return row ? toVersionHeader(row) : undefined;
}

/** The open (draft or in review) version, locked for update when inside a transaction. */
export async function findOpenVersion(
  q: Queryable,
  { code, today, isForUpdate = false }: { code: string; today: string; isForUpdate?: boolean },
): Promise<MatterVersion | undefined> {
  const result = await q.query<VersionRow>(
    `SELECT ${VERSION_COLUMNS}, v.document FROM matter_versions v
     WHERE v.code = $2 AND v.status IN ('draft', 'in_review')${isForUpdate ? ' FOR UPDATE' : ''}`,
    [today, code],
  );
  const row = result.rows[0];
  return row ? toMatterVersion(row) : undefined;
}

export async function listVersions(q: Queryable, { code, today }: { code: string; today: string }): Promise<MatterVersion[]> {
  const result = await q.query<VersionRow>(
    `SELECT ${VERSION_COLUMNS} FROM matter_versions v WHERE v.code = $2 ORDER BY v.version`,
    [today, code],
  );
  return result.rows.map(toMatterVersion);
}

export async function matterDepartment(q: Queryable, code: string): Promise<string | undefined> {
  const result = await q.query<{ department_code: string }>('SELECT department_code FROM matters WHERE code = $1', [code]);
  return result.rows[0]?.department_code;
}

export async function lockMatter(
  q: Queryable,
  code: string,
): Promise<{ departmentCode: string; maxVersion: number } | undefined> {
  const locked = await q.query<{ department_code: string }>('SELECT department_code FROM matters WHERE code = $1 FOR UPDATE', [
    code,
  ]);
  const row = locked.rows[0];
  if (!row) return undefined;
  const max = await q.query<{ max: number | null }>('SELECT max(version) AS max FROM matter_versions WHERE code = $1', [code]);
  return { departmentCode: row.department_code, maxVersion: max.rows[0]?.max ?? 0 };
}

/** Inserts the matter identity row; false when the code already exists. */
export async function insertMatter(
  q: Queryable,
  { code, departmentCode, at }: { code: string; departmentCode: string; at: Date },
): Promise<boolean> {
  const result = await q.query(
    'INSERT INTO matters (code, department_code, created_at) VALUES ($1, $2, $3) ON CONFLICT (code) DO NOTHING',
    [code, departmentCode, at],
  );
  return result.rowCount > 0;
}

export async function insertDraftVersion(
  q: Queryable,
  { document, version, userId, at }: { document: MatterDocument; version: number; userId: number | null; at: Date },
): Promise<void> {
  const columns = searchColumns(document);
  await q.query(
    `INSERT INTO matter_versions (code, version, status, revision, meta_schema_version, document, name, catalog_code,
       task_type, department_code, levels, service_objects, created_by, updated_by, created_at, updated_at, validated_with,
       name_initials, name_pinyin)
     VALUES ($1, $2, 'draft', 1, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $12, $12, $13, $14, $15)`,
    [
      document.code,
      version,
      CURRENT_META_SCHEMA_VERSION,
      JSON.stringify(document),
      columns.name,
      columns.catalogCode,
      columns.type,
      columns.departmentCode,
      columns.levels,
      columns.objects,
      userId,
      at,
      validationStamp(),
      columns.nameInitials,
      columns.namePinyin,
    ],
  );
}

/** Writes a draft only if its revision is still `expectedRevision`; returns the new revision or undefined. */
export async function updateDraftDocument(
  q: Queryable,
  {
    code,
    version,
    expectedRevision,
    document,
    userId,
    at,
  }: { code: string; version: number; expectedRevision: number; document: MatterDocument; userId: number | null; at: Date },
): Promise<number | undefined> {
  const columns = searchColumns(document);
  const result = await q.query<{ revision: number }>(
    `UPDATE matter_versions SET document = $4, name = $5, catalog_code = $6, task_type = $7, levels = $8,
       service_objects = $9, revision = revision + 1, updated_by = $10, updated_at = $12, meta_schema_version = $11,
       validated_with = $13, name_initials = $14, name_pinyin = $15
     WHERE code = $1 AND version = $2 AND revision = $3 AND status = 'draft'
     RETURNING revision`,
    [
      code,
      version,
      expectedRevision,
      JSON.stringify(document),
      columns.name,
      columns.catalogCode,
      columns.type,
      columns.levels,
      columns.objects,
      userId,
      CURRENT_META_SCHEMA_VERSION,
      at,
      validationStamp(),
      columns.nameInitials,
      columns.namePinyin,
    ],
  );
  return result.rows[0]?.revision;
}

export async function setVersionState(
  q: Queryable,
  {
    code,
    version,
    status,
    userId,
    at,
    effectiveFrom,
    cancelAt,
    reviewComment,
    isSubmit = false,
    isPublish = false,
  }: {
    code: string;
    version: number;
    status: MatterStatus;
    userId: number | null;
    at: Date;
    effectiveFrom?: string;
    cancelAt?: string;
    reviewComment?: { by: string; at: string; comments: string };
    isSubmit?: boolean;
    isPublish?: boolean;
  },
): Promise<void> {
  await q.query(
    `UPDATE matter_versions SET status = $3, revision = revision + 1, updated_by = $4, updated_at = $10,
       effective_from = COALESCE($5::date, effective_from),
       cancel_at = COALESCE($6::date, cancel_at),
       review_comments = CASE WHEN $7::jsonb IS NULL THEN review_comments
                              ELSE COALESCE(review_comments, '[]'::jsonb) || $7::jsonb END,
       submitted_at = CASE WHEN $8 THEN $10 ELSE submitted_at END,
       published_at = CASE WHEN $9 THEN $10 ELSE published_at END,
       published_by = CASE WHEN $9 THEN $4 ELSE published_by END
     WHERE code = $1 AND version = $2`,
    [
      code,
      version,
      status,
      userId,
      effectiveFrom ?? null,
      cancelAt ?? null,
      reviewComment ? JSON.stringify([reviewComment]) : null,
      isSubmit,
      isPublish,
      at,
    ],
  );
}

/** Marks the older published versions as replaced from `effectiveFrom`, the day `version` takes effect. */
export async function markSupersededFrom(
  q: Queryable,
  { code, version, effectiveFrom }: { code: string; version: number; effectiveFrom: string },
): Promise<void> {
  await q.query(
    `UPDATE matter_versions SET superseded_from = $3::date
     WHERE code = $1 AND version < $2 AND status IN ('published', 'superseded', 'retired')
       AND (superseded_from IS NULL OR superseded_from > $3::date)`,
    [code, version, effectiveFrom],
  );
}

/**
 * Stores `superseded` / `retired` for versions whose dates have passed, so the stored status
 * catches up with the derived one (run at start-up and on every publish).
 */
export async function settleVersionStates(q: Queryable, { today, at }: { today: string; at: Date }): Promise<void> {
  await q.query(
    `UPDATE matter_versions SET status = 'retired', updated_at = $2
     WHERE status = 'published' AND cancel_at <= $1::date`,
    [today, at],
  );
  await q.query(
    `UPDATE matter_versions SET status = 'superseded', updated_at = $2
     WHERE status = 'published' AND superseded_from <= $1::date`,
    [today, at],
  );
}

/**
 * Sets every published version's `superseded_from` to the first effective date of a later published
 * version (or clears it), after a scheduled publication was cancelled or moved.
 */
export async function recomputeSupersededFrom(q: Queryable, { code }: { code: string }): Promise<void> {
  await q.query(
    `UPDATE matter_versions v SET superseded_from = (
       SELECT min(n.effective_from) FROM matter_versions n
       WHERE n.code = v.code AND n.version > v.version AND n.effective_from IS NOT NULL
         AND n.status IN ('published', 'superseded', 'retired'))
     WHERE v.code = $1 AND v.status IN ('published', 'superseded', 'retired')`,
    [code],
  );
}

/**
 * Takes a scheduled (not yet effective) publication back to legal's queue: `in_review`, with no
 * effective date and no publisher, as if it had never been published.
 */
export async function returnToReview(
  q: Queryable,
  {
    code,
    version,
    userId,
    at,
    reviewComment,
  }: {
    code: string;
    version: number;
    userId: number | null;
    at: Date;
    reviewComment?: { by: string; at: string; comments: string };
  },
): Promise<void> {
  await q.query(
    `UPDATE matter_versions SET status = 'in_review', revision = revision + 1, updated_by = $3, updated_at = $4,
       effective_from = NULL, published_at = NULL, published_by = NULL,
       review_comments = CASE WHEN $5::jsonb IS NULL THEN review_comments
                              ELSE COALESCE(review_comments, '[]'::jsonb) || $5::jsonb END
     WHERE code = $1 AND version = $2 AND status = 'published'`,
    [code, version, userId, at, reviewComment ? JSON.stringify([reviewComment]) : null],
  );
}
