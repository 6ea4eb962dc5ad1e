import type { Clock, Db } from '../kernel';
import type { SessionSettings } from './SessionSettings';
import { hashToken, TOKEN_PATTERN } from './sessionTokens';
import { toActor, toUserView, USER_COLUMNS, type UserRow, type UserView } from './userStore';
import type { Actor } from '../kernel';

export interface Session {
  token: string;
  user: UserView;
  actor: Actor;
  csrfToken: string;
  expiresAt: Date;
}

/** Sliding expiry writes at most once a minute per session, not on every request. */
const EXTEND_AFTER_MS = 60_000;

/**
 * The live session behind a cookie value, extending its idle expiry up to its absolute end;
 * undefined when the token is unknown, expired or belongs to a deactivated user.
 */
export async function findSession(
  deps: { db: Db; clock: Clock; sessions: SessionSettings },
  token: string,
): Promise<Session | undefined> {
  if (!TOKEN_PATTERN.test(token)) return undefined;
  const { db, clock, sessions } = deps;
  const tokenHash = hashToken(token);
  const result = await db.query<UserRow & { csrf_token: string; expires_at: Date | string; created_at: Date | string }>(
    `SELECT s.csrf_token, s.expires_at, s.created_at, ${USER_COLUMNS}
     FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN departments d ON d.code = u.department_code
     WHERE s.token_hash = $1`,
    [tokenHash],
  );
  const row = result.rows[0];
  if (!row) return undefined;
  const now = clock.now();
  const absoluteEnd = new Date(row.created_at).getTime() + sessions.absoluteMinutes * 60_000;
  let expiresAt = new Date(Math.min(new Date(row.expires_at).getTime(), absoluteEnd));
  if (expiresAt <= now || !row.is_active) {
    await db.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
    return undefined;
  }
  const idleEnd = Math.min(now.getTime() + sessions.idleMinutes * 60_000, absoluteEnd);
  if (expiresAt.getTime() < idleEnd - EXTEND_AFTER_MS) {
    expiresAt = new Date(idleEnd);
    // The condition repeats the check so that concurrent requests do not move it backwards.
    await db.query('UPDATE sessions SET expires_at = $2 WHERE token_hash = $1 AND expires_at < $2', [tokenHash, expiresAt]);
  }
  const user = toUserView(row);
  return { token, user, actor: toActor(user), csrfToken: row.csrf_token, expiresAt };
}
