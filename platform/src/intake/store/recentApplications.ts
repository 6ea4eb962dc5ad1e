import type { Queryable } from '../../kernel';

/** What the impact of a new version needs of one application: its pin and what it answered. */
export interface RecentApplication {
  id: number;
  number: string;
  version: number;
  answers: Record<string, string>;
  formData: Record<string, unknown>;
  submittedAt: Date;
}

interface Row {
  id: string;
  number: string;
  version: number;
  answers: Record<string, string>;
  form_data: Record<string, unknown>;
  submitted_at: Date;
}

/** Where the previous page ended: newest first, ties by id, so a page boundary never repeats or skips a row. */
export interface PageEnd {
  submittedAt: Date;
  id: number;
}

/** One page of a matter's applications submitted since `since`, newest first. */
export async function recentApplications(
  q: Queryable,
  { matterCode, since, after, limit }: { matterCode: string; since: Date; after: PageEnd | undefined; limit: number },
): Promise<RecentApplication[]> {
  const { rows } = await q.query<Row>(
    `SELECT id, number, version, answers, form_data, submitted_at FROM applications
      WHERE matter_code = $1 AND submitted_at >= $2
        AND ($3::timestamptz IS NULL OR (submitted_at, id) < ($3::timestamptz, $4::bigint))
      ORDER BY submitted_at DESC, id DESC
      LIMIT $5`,
    [matterCode, since, after?.submittedAt ?? null, after?.id ?? null, limit],
  );
  return rows.map((row) => ({
    id: Number(row.id),
    number: row.number,
    version: row.version,
    answers: row.answers,
    formData: row.form_data,
    submittedAt: row.submitted_at,
  }));
}
