import { recordAudit } from '../audit';
import type { AppContext } from '../http/AppContext';
import type { Actor } from './Actor';
import { hashToken } from './sessionTokens';

/** Ends the session behind `token`; ending an unknown or expired one is not an error. */
export async function logout(
  ctx: AppContext,
  { token, actor, ip }: { token: string; actor: Actor; ip: string | null },
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const deleted = await tx.query<{ user_id: number }>('DELETE FROM sessions WHERE token_hash = $1 RETURNING user_id', [
      hashToken(token),
    ]);
    const row = deleted.rows[0];
    if (!row) return;
    await recordAudit(tx, { actor, action: 'session.logout', targetType: 'user', targetId: String(row.user_id), ip });
  });
}
