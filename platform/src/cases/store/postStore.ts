import type { Queryable } from '../../kernel';

/** One A/B post: a holder, their backup and whether the holder is away. */
export interface StaffPost {
  userId: number;
  backupUserId: number | null;
  isAbsent: boolean;
}

export async function upsertStaffPost(q: Queryable, post: StaffPost & { by: number; at: Date }): Promise<void> {
  await q.query(
    `INSERT INTO staff_posts (user_id, backup_user_id, is_absent, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (user_id) DO UPDATE SET backup_user_id = $2, is_absent = $3, updated_by = $4, updated_at = $5`,
    [post.userId, post.backupUserId, post.isAbsent, post.by, post.at],
  );
}

export async function findStaffPost(q: Queryable, userId: number): Promise<StaffPost | undefined> {
  const { rows } = await q.query<{ user_id: number; backup_user_id: number | null; is_absent: boolean }>(
    'SELECT user_id, backup_user_id, is_absent FROM staff_posts WHERE user_id = $1',
    [userId],
  );
  const row = rows[0];
  return row ? { userId: row.user_id, backupUserId: row.backup_user_id, isAbsent: row.is_absent } : undefined;
}

/** Who stands in for a user now: their backup while they are marked absent, else nobody. */
export async function standInFor(q: Queryable, userId: number): Promise<number | undefined> {
  const post = await findStaffPost(q, userId);
  return post?.isAbsent && post.backupUserId !== null ? post.backupUserId : undefined;
}
