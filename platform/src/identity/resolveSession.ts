import type { AppContext } from '../http/AppContext';
import { ANONYMOUS, type Actor } from './Actor';
import { hashToken, TOKEN_PATTERN } from './sessionTokens';
import { toActor, toUserView, USER_COLUMNS, type UserRow, type UserView } from './userStore';

export interface Session {
  user: UserView;
  csrfToken: string;
  expiresAt: Date;
}

/** Sliding expiry writes at most once a minute per session, not on every request. */
const EXTEND_AFTER_MS = 60_000;

/**
 * The live session behind a cookie value, extending its expiry; undefined when the token is
 * unknown, expired or belongs to a deactivated user.
 */
export async function findSession(ctx: AppContext, token: string): Promise<Session | undefined> {
  if (!TOKEN_PATTERN.test(token)) return undefined;
  const tokenHash = hashToken(token);
  const result = await ctx.db.query<UserRow & { csrf_token: string; expires_at: Date | string }>(
    `SELECT s.csrf_token, s.expires_at, ${USER_COLUMNS}
     FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN departments d ON d.code = u.department_code
     WHERE s.token_hash = $1`,
    [tokenHash],
  );
  const row = result.rows[0];
  if (!row) return undefined;
  const now = ctx.clock.now();
  let expiresAt = new Date(row.expires_at);
  if (expiresAt <= now || !row.is_active) {
    await ctx.db.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
    return undefined;
  }
  const lifetimeMs = ctx.config.sessionMinutes * 60_000;
  if (expiresAt.getTime() < now.getTime() + lifetimeMs - EXTEND_AFTER_MS) {
    expiresAt = new Date(now.getTime() + lifetimeMs);
    // The condition repeats the check so that concurrent requests do not move it backwards.
    await ctx.db.query('UPDATE sessions SET expires_at = $2 WHERE token_hash = $1 AND expires_at < $2', [tokenHash, expiresAt]);
  }
  return { user: toUserView(row), csrfToken: row.csrf_token, expiresAt };
}

export async function resolveSession(ctx: AppContext, token: string): Promise<Actor> {
  const session = await findSession(ctx, token);
  return session ? toActor(session.user) : ANONYMOUS;
}
