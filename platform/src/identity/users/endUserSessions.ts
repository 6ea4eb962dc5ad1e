import type { Queryable } from '../../kernel';

/**
 * Ends every session of a user inside the caller's transaction: a disabled account or a changed
 * password takes effect on the next request, not when the session would have expired.
 */
export async function endUserSessions(tx: Queryable, userId: number): Promise<number> {
  const deleted = await tx.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
  return deleted.rowCount;
}
