import { randomBytes } from 'node:crypto';
import { normalizeIdNumber, maskIdNumber } from '@matterflow/schemas';
import { ANONYMOUS, fail, type Call, type Clock, type Db } from '../kernel';
import { recordAudit } from '../audit';
import { hashPassword, verifyPassword } from './hashPassword';
import { pruneLoginRecords, recordLoginSuccess, reserveLoginAttempt, UNKNOWN_ADDRESS } from './reserveLoginAttempt';
import { startSession } from './startSession';
import { MAX_PASSWORD_LENGTH } from './createUser';
import type { SessionSettings } from './SessionSettings';
import { findUserByUsername, toUserView, type UserView } from './userStore';

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

const ID_NUMBER_SHAPE = /^\d{17}[\dxX]$/;

/** Staff names are lowercase; a citizen's is their 身份证号, stored with an uppercase X. */
export function normalizeUsername(username: string): string {
  const name = username.trim();
  return ID_NUMBER_SHAPE.test(name) ? normalizeIdNumber(name) : name.toLowerCase();
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
        details: { username: ID_NUMBER_SHAPE.test(name) ? maskIdNumber(name) : name, reason },
      },
    );
    await pruneLoginRecords(db, now);
    throw fail('LOGIN_FAILED');
  }

  const user = toUserView(row);
  const { token, csrfToken } = await db.transaction(async (tx) => {
    // First, so that the pair's advisory lock is taken before any row lock.
    await recordLoginSuccess(tx, { username: name, ip: address, now });
    return startSession(deps, { ...call, tx }, user);
  });
  await pruneLoginRecords(db, now);
  return { token, csrfToken, user };
}
