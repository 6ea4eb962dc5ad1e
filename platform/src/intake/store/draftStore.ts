import type { Queryable } from '../../kernel';
import type { Applicant, DraftRecord, DraftUpgrade, MaterialFiles } from '../Draft';
import type { DraftPlugins } from '../plugins/PluginFindings';

interface DraftRow {
  id: string;
  matter_code: string;
  version: number;
  owner_user_id: number;
  applicant: Applicant;
  is_on_behalf: boolean;
  answers: Record<string, string>;
  form_data: Record<string, unknown>;
  materials: MaterialFiles;
  revision: number;
  upgrade: DraftUpgrade | null;
  plugins: DraftPlugins | null;
  status: 'open' | 'submitted';
  created_at: Date;
  updated_at: Date;
}

const toRecord = (row: DraftRow): DraftRecord => ({
  id: row.id,
  matterCode: row.matter_code,
  version: row.version,
  ownerUserId: row.owner_user_id,
  applicant: row.applicant,
  isOnBehalf: row.is_on_behalf,
  answers: row.answers,
  formData: row.form_data,
  materials: row.materials,
  revision: row.revision,
  upgrade: row.upgrade,
  plugins: row.plugins,
  status: row.status,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

const COLUMNS = `id, matter_code, version, owner_user_id, applicant, is_on_behalf, answers, form_data, materials,
  revision, upgrade, plugins, status, created_at, updated_at`;

export async function insertDraft(
  q: Queryable,
  draft: Omit<DraftRecord, 'revision' | 'upgrade' | 'plugins' | 'status' | 'createdAt' | 'updatedAt'>,
  at: Date,
): Promise<DraftRecord> {
  const { rows } = await q.query<DraftRow>(
    `INSERT INTO drafts (id, matter_code, version, owner_user_id, applicant, is_on_behalf, answers, form_data, materials, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING ${COLUMNS}`,
    [
      draft.id,
      draft.matterCode,
      draft.version,
      draft.ownerUserId,
      JSON.stringify(draft.applicant),
      draft.isOnBehalf,
      JSON.stringify(draft.answers),
      JSON.stringify(draft.formData),
      JSON.stringify(draft.materials),
      at,
    ],
  );
  return toRecord(rows[0] as DraftRow);
}

/** The caller's own draft; `forUpdate` locks it for the rest of the transaction (save, submit). */
export async function findOwnDraft(
  q: Queryable,
  { id, ownerUserId, forUpdate = false }: { id: string; ownerUserId: number; forUpdate?: boolean },
): Promise<DraftRecord | undefined> {
  const { rows } = await q.query<DraftRow>(
    `SELECT ${COLUMNS} FROM drafts WHERE id = $1 AND owner_user_id = $2${forUpdate ? ' FOR UPDATE' : ''}`,
    [id, ownerUserId],
  );
  return rows[0] ? toRecord(rows[0]) : undefined;
}

/**
 * A submit's first statement: the caller's draft locked, and the draft an application with the
 * submit's key was filed for (null: none) in the same round trip. That lookup sees the statement's
 * snapshot, taken before any wait for the lock, so it only proves that an _open_ draft's key is
 * unused; whoever finds the draft closed or the key taken looks the key up again (submitDraft).
 */
export async function lockDraftForSubmit(
  q: Queryable,
  { id, ownerUserId, idempotencyKey }: { id: string; ownerUserId: number; idempotencyKey: string },
): Promise<{ draft: DraftRecord; keyHolder: string | null } | undefined> {
  const { rows } = await q.query<DraftRow & { key_holder: string | null }>(
    `SELECT ${COLUMNS},
       (SELECT a.draft_id FROM applications a WHERE a.filed_by_user_id = $2 AND a.idempotency_key = $3) AS key_holder
     FROM drafts WHERE id = $1 AND owner_user_id = $2 FOR UPDATE`,
    [id, ownerUserId, idempotencyKey],
  );
  const row = rows[0];
  return row ? { draft: toRecord(row), keyHolder: row.key_holder } : undefined;
}

export async function listOwnDrafts(q: Queryable, ownerUserId: number, limit: number): Promise<DraftRecord[]> {
  const { rows } = await q.query<DraftRow>(
    `SELECT ${COLUMNS} FROM drafts WHERE owner_user_id = $1 AND status = 'open' ORDER BY updated_at DESC LIMIT $2`,
    [ownerUserId, limit],
  );
  return rows.map(toRecord);
}

/** Writes the filled-in parts and bumps the revision; the caller has checked the revision under lock. */
export async function updateDraftContent(
  q: Queryable,
  draft: Pick<DraftRecord, 'id' | 'version' | 'answers' | 'formData' | 'materials' | 'upgrade'>,
  at: Date,
): Promise<DraftRecord> {
  const { rows } = await q.query<DraftRow>(
    `UPDATE drafts SET version = $2, answers = $3, form_data = $4, materials = $5, upgrade = $6,
       revision = revision + 1, updated_at = $7
     WHERE id = $1 RETURNING ${COLUMNS}`,
    [
      draft.id,
      draft.version,
      JSON.stringify(draft.answers),
      JSON.stringify(draft.formData),
      JSON.stringify(draft.materials),
      draft.upgrade === null ? null : JSON.stringify(draft.upgrade),
      at,
    ],
  );
  return toRecord(rows[0] as DraftRow);
}

/**
 * What the plugins said of the draft's content at `revision` (and, from prefill, its starting form):
 * written only while the draft is still at that revision, so an answer about older content never
 * lands on newer. Not a revision of its own: the applicant changed nothing.
 */
export async function updateDraftPlugins(
  q: Queryable,
  {
    id,
    revision,
    plugins,
    formData,
  }: { id: string; revision: number; plugins: DraftPlugins; formData?: Record<string, unknown> },
): Promise<DraftRecord | undefined> {
  const { rows } = await q.query<DraftRow>(
    `UPDATE drafts SET plugins = $3, form_data = COALESCE($4::jsonb, form_data)
     WHERE id = $1 AND revision = $2 AND status = 'open' RETURNING ${COLUMNS}`,
    [id, revision, JSON.stringify(plugins), formData === undefined ? null : JSON.stringify(formData)],
  );
  return rows[0] ? toRecord(rows[0]) : undefined;
}
