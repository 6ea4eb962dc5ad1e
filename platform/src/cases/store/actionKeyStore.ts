import type { Queryable } from '../../kernel';

export interface StoredAnswer {
  caseId: number;
  userId: number;
  answer: unknown;
}

export async function findActionKey(q: Queryable, key: string): Promise<StoredAnswer | undefined> {
  const { rows } = await q.query<{ case_id: string; user_id: number; answer: unknown }>(
    'SELECT case_id, user_id, answer FROM case_action_keys WHERE key = $1',
    [key],
  );
  const row = rows[0];
  return row ? { caseId: Number(row.case_id), userId: row.user_id, answer: row.answer } : undefined;
}

export async function insertActionKey(
  q: Queryable,
  input: { key: string; caseId: number; userId: number; answer: unknown; at: Date },
): Promise<void> {
  await q.query('INSERT INTO case_action_keys (key, case_id, user_id, answer, created_at) VALUES ($1, $2, $3, $4, $5)', [
    input.key,
    input.caseId,
    input.userId,
    JSON.stringify(input.answer),
    input.at,
  ]);
}
