import { randomBytes } from 'node:crypto';
import { ANONYMOUS, fail, type Call, type Clock, type Db } from '../kernel';
import { recordAudit } from '../audit';
import { hashPassword, verifyPassword } from './hashPassword';
import { pruneLoginRecords, recordLoginSuccess, reserveLoginAttempt, UNKNOWN_ADDRESS } from './reserveLoginAttempt';
import { hashToken, newToken } from './sessionTokens';
import { MAX_PASSWORD_LENGTH } from './createUser';
import type { SessionSettings } from './SessionSettings';
import { findUserByUsername, toActor, toUserView, type UserView } from './userStore';

export interface LoginResult {
  /** The cookie value; only its hash is stored. */
  token: string;
  csrfToken: string;
  user: UserView;
}

let dummyHash: Promise<string> | undefined;

/** Unknown names are checked against this, so that their answer takes as long as a wrong password. */
function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return dummyHash;
}

export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

/**
 * Checks a user name and password and opens a session. Wrong passwords, unknown and inactive users
 * all answer LOGIN_FAILED. The attempt is counted (reserved) before the password is checked, so a
 * limited name cannot be probed and parallel guesses cannot overrun the limit.
 */
export async function login(
  deps: { db: Db; clock: Clock; sessions: SessionSettings },
  call: Call,
  { username, password }: { username: string; password: string },
): Promise<LoginResult> {
  const { db, clock } = deps;
  const name = normalizeUsername(username);
  const address = call.ip ?? UNKNOWN_ADDRESS;
  const now = clock.now();
  await reserveLoginAttempt(db, { username: name, ip: address, now });

  const row = await findUserByUsername(db, name);
  const isTooLong = password.length > MAX_PASSWORD_LENGTH;
  const isPasswordCorrect = await verifyPassword(isTooLong ? '' : password, row?.password_hash ?? (await dummyPasswordHash()));
  if (!row || !row.is_active || !isPasswordCorrect || isTooLong) {
    const reason = !row ? 'unknown_user' : !row.is_active && isPasswordCorrect ? 'inactive' : 'wrong_password';
    // The reservation already counts as the failure.
    await recordAudit(
      deps,
      { actor: ANONYMOUS, ip: call.ip, tx: db },
      {
        action: 'session.login_failed',
        targetType: 'user',
        targetId: row ? String(row.id) : null,
        details: { username: name, reason },
      },
    );
    await pruneLoginRecords(db, now);
    throw fail('LOGIN_FAILED');
  }

  const user = toUserView(row);
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(now.getTime() + Math.min(deps.sessions.idleMinutes, deps.sessions.absoluteMinutes) * 60_000);
  await db.transaction(async (tx) => {
    // First, so that the pair's advisory lock is taken before any row lock.
    await recordLoginSuccess(tx, { username: name, ip: address, now });
    await tx.query('DELETE FROM sessions WHERE expires_at <= $1', [now]);
    await tx.query('INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [
      hashToken(token),
      user.id,
      csrfToken,
      now,
      expiresAt,
    ]);
    await recordAudit(
      deps,
      { actor: toActor(user), ip: call.ip, tx },
      { action: 'session.login', targetType: 'user', targetId: String(user.id) },
    );
  });
  await pruneLoginRecords(db, now);
  return { token, csrfToken, user };
}
