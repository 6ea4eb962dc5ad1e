import { fail, type Db } from '../kernel';
import { lockLoginKeys } from './reserveLoginAttempt';

/**
 * Registration necessarily tells whether a 身份证号 is registered (409 CITIZEN_EXISTS): a citizen who
 * forgot they had an account must be told to log in. What keeps that from becoming a way to test
 * lists of numbers is a limit per address on the attempts that get that far (well-formed ones;
 * a form with mistakes costs nothing), counted whether they succeed or not. A service hall's
 * kiosks share one address, so the limit allows a busy hour of real registrations.
 */
export const REGISTRATION_WINDOW_MINUTES = 60;
export const MAX_REGISTRATIONS_PER_ADDRESS = 20;

const WINDOW_MS = REGISTRATION_WINDOW_MINUTES * 60_000;
const PRUNE_BATCH = 500;

/**
 * Counts this attempt, or throws REGISTRATION_RATE_LIMITED (details.retryAfterSeconds) when the
 * address used up its window. Counted in its own committed transaction under an advisory lock, as
 * login attempts are, so parallel requests from several processes cannot all pass the count.
 */
export async function reserveRegistrationAttempt(db: Db, { ip, now }: { ip: string; now: Date }): Promise<void> {
  const windowStart = new Date(now.getTime() - WINDOW_MS);
  await db.transaction(async (tx) => {
    await lockLoginKeys(tx, [`register:${ip}`]);
    await tx.query(
      `DELETE FROM citizen_registration_attempts WHERE id IN (
         SELECT id FROM citizen_registration_attempts WHERE at <= $1 ORDER BY id LIMIT ${PRUNE_BATCH} FOR UPDATE SKIP LOCKED)`,
      [windowStart],
    );
    // The limit-th most recent attempt in the window: once it ages out, there is room again.
    const oldest = await tx.query<{ at: Date | string }>(
      'SELECT at FROM citizen_registration_attempts WHERE ip = $1 AND at > $2 ORDER BY at DESC OFFSET $3 LIMIT 1',
      [ip, windowStart, MAX_REGISTRATIONS_PER_ADDRESS - 1],
    );
    const row = oldest.rows[0];
    if (row) {
      const until = new Date(row.at).getTime() + WINDOW_MS;
      throw fail('REGISTRATION_RATE_LIMITED', { retryAfterSeconds: Math.max(1, Math.ceil((until - now.getTime()) / 1000)) });
    }
    await tx.query('INSERT INTO citizen_registration_attempts (ip, at) VALUES ($1, $2)', [ip, now]);
  });
}
