import type { Call, Clock, Queryable } from '../kernel';
import { recordAudit } from '../audit';
import type { SessionSettings } from './SessionSettings';
import { hashToken, newToken } from './sessionTokens';
import { toActor, type UserView } from './userStore';

export interface StartedSession {
  /** The cookie value; only its hash is stored. */
  token: string;
  csrfToken: string;
}

/**
 * Opens a session for `user` inside the caller's transaction and audits it, so that a login and a
 * registration open sessions the same way and commit them with whatever else they write.
 */
export async function startSession(
  deps: { clock: Clock; sessions: SessionSettings },
  call: Call & { tx: Queryable },
  user: UserView,
): Promise<StartedSession> {
  const now = deps.clock.now();
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(now.getTime() + Math.min(deps.sessions.idleMinutes, deps.sessions.absoluteMinutes) * 60_000);
  await call.tx.query('DELETE FROM sessions WHERE expires_at <= $1', [now]);
  await call.tx.query(
    'INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)',
    [hashToken(token), user.id, csrfToken, now, expiresAt],
  );
  await recordAudit(
    deps,
    { actor: toActor(user), ip: call.ip, tx: call.tx },
    { action: 'session.login', targetType: 'user', targetId: String(user.id) },
  );
  return { token, csrfToken };
}
