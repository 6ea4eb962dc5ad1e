import type { Call, Clock, Db } from '../kernel';
import { recordAudit } from '../audit';
import { hashToken } from './sessionTokens';

/** Ends the session behind `token`; ending an unknown or expired one is not an error. */
export async function logout(deps: { db: Db; clock: Clock }, call: Call, { token }: { token: string }): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const deleted = await tx.query<{ user_id: number }>('DELETE FROM sessions WHERE token_hash = $1 RETURNING user_id', [
      hashToken(token),
    ]);
    const row = deleted.rows[0];
    if (!row) return;
    await recordAudit(deps, { ...call, tx }, { action: 'session.logout', targetType: 'user', targetId: String(row.user_id) });
  });
}
