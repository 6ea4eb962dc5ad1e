import { fail, type Db, type Queryable } from '../kernel';

export const LOGIN_WINDOW_MINUTES = 15;
/** Failures allowed inside the window; the next attempt is refused until the oldest one ages out. */
export const MAX_FAILURES_PER_USER_AND_ADDRESS = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;
/** Across all addresses, but not counted against an address the user logged in from recently. */
export const MAX_FAILURES_PER_USERNAME = 50;
/** How long a successful login keeps its address exempt from the per-user limit. */
export const KNOWN_ADDRESS_DAYS = 30;

/** Stands for a request whose address the server could not tell; it never becomes a known address. */
export const UNKNOWN_ADDRESS = 'unknown';

const WINDOW_MS = LOGIN_WINDOW_MINUTES * 60_000;
const KNOWN_ADDRESS_MS = KNOWN_ADDRESS_DAYS * 24 * 60 * 60_000;
/** Advisory-lock namespace of login throttling, apart from the migration lock's single-key space. */
const LOCK_CLASS = 4_242_100;
/** Pruning works in batches so that no login waits on a long delete. */
const PRUNE_BATCH = 500;

interface Attempt {
  username: string;
  ip: string;
  now: Date;
}

interface Limit {
  /** What the advisory lock is taken on: everyone counting or changing these rows takes it first. */
  lockKey: string;
  where: string;
  params: string[];
  limit: number;
}

function limitsFor({ username, ip }: Attempt, isKnownAddress: boolean): Limit[] {
  const limits: Limit[] = [
    {
      lockKey: `pair:${username}\n${ip}`,
      where: 'username = $1 AND ip = $2',
      params: [username, ip],
      limit: MAX_FAILURES_PER_USER_AND_ADDRESS,
    },
    { lockKey: `ip:${ip}`, where: 'ip = $1', params: [ip], limit: MAX_FAILURES_PER_ADDRESS },
  ];
  if (!isKnownAddress) {
    limits.push({ lockKey: `user:${username}`, where: 'username = $1', params: [username], limit: MAX_FAILURES_PER_USERNAME });
  }
  return limits;
}

/**
 * Takes the transaction-scoped advisory locks for `keys`, in the order of their lock numbers, so
 * that two logins sharing keys (and colliding hashes) always queue instead of deadlocking.
 */
export async function lockLoginKeys(tx: Queryable, keys: string[]): Promise<void> {
  const hashes = await tx.query<{ h: number }>('SELECT DISTINCT hashtext(k) AS h FROM unnest($1::text[]) AS k ORDER BY h', [
    keys,
  ]);
  for (const { h } of hashes.rows) await tx.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_CLASS, h]);
}

/** When the limit ends, or undefined when it is not reached. */
async function blockedUntil(tx: Queryable, { where, params, limit }: Limit, now: Date): Promise<Date | undefined> {
  // The limit-th most recent failure in the window: once it ages out, fewer than `limit` remain.
  const result = await tx.query<{ at: Date | string }>(
    `SELECT at FROM login_failures WHERE ${where} AND at > $${params.length + 1}
     ORDER BY at DESC OFFSET $${params.length + 2} LIMIT 1`,
    [...params, new Date(now.getTime() - WINDOW_MS), limit - 1],
  );
  const row = result.rows[0];
  return row ? new Date(new Date(row.at).getTime() + WINDOW_MS) : undefined;
}

async function isKnownAddress(tx: Queryable, { username, ip, now }: Attempt): Promise<boolean> {
  const result = await tx.query('SELECT 1 FROM login_known_addresses WHERE username = $1 AND ip = $2 AND last_login_at > $3', [
    username,
    ip,
    new Date(now.getTime() - KNOWN_ADDRESS_MS),
  ]);
  return result.rows.length > 0;
}

/**
 * Counts this attempt as a failure before the password is checked, or throws LOGIN_RATE_LIMITED
 * (details.retryAfterSeconds) when a limit is used up. Counting and recording happen under
 * advisory locks in one committed transaction, so parallel guesses from any number of processes
 * cannot all pass the count before any of them is recorded. A success withdraws the row again
 * (`recordLoginSuccess`); a crash in between leaves it counted, which errs on the safe side.
 */
export async function reserveLoginAttempt(db: Db, attempt: Attempt): Promise<void> {
  const { username, ip, now } = attempt;
  await db.transaction(async (tx) => {
    const isKnown = await isKnownAddress(tx, attempt);
    const limits = limitsFor(attempt, isKnown);
    // The per-user lock is taken even when that limit does not apply, since this row still counts for it.
    await lockLoginKeys(tx, [...limits.map((limit) => limit.lockKey), `user:${username}`]);
    const until: Date[] = [];
    for (const limit of limits) {
      const at = await blockedUntil(tx, limit, now);
      if (at) until.push(at);
    }
    if (until.length > 0) {
      const latest = Math.max(...until.map((at) => at.getTime()));
      const retryAfterSeconds = Math.max(1, Math.ceil((latest - now.getTime()) / 1000));
      throw fail('LOGIN_RATE_LIMITED', { retryAfterSeconds });
    }
    await tx.query('INSERT INTO login_failures (username, ip, at) VALUES ($1, $2, $3)', [username, ip, now]);
  });
}

/**
 * Inside the login's transaction: the pair's failures (this attempt's reservation among them) no
 * longer count, and the address becomes known for this user. Failures of other addresses, and of
 * other names from this address, keep counting, so logging in does not reset an attacker's budget.
 */
export async function recordLoginSuccess(tx: Queryable, { username, ip, now }: Attempt): Promise<void> {
  await lockLoginKeys(tx, [`pair:${username}\n${ip}`]);
  await tx.query('DELETE FROM login_failures WHERE username = $1 AND ip = $2', [username, ip]);
  if (ip === UNKNOWN_ADDRESS) return;
  await tx.query(
    `INSERT INTO login_known_addresses (username, ip, last_login_at) VALUES ($1, $2, $3)
     ON CONFLICT (username, ip) DO UPDATE SET last_login_at = GREATEST(login_known_addresses.last_login_at, EXCLUDED.last_login_at)`,
    [username, ip, now],
  );
}

/**
 * Drops rows that no longer count (the audit log keeps the history). Locked rows are skipped, not
 * waited for, so pruning never blocks or deadlocks a login.
 */
export async function pruneLoginRecords(db: Db, now: Date): Promise<void> {
  await db.query(
    `DELETE FROM login_failures WHERE id IN (
       SELECT id FROM login_failures WHERE at <= $1 ORDER BY id LIMIT ${PRUNE_BATCH} FOR UPDATE SKIP LOCKED)`,
    [new Date(now.getTime() - WINDOW_MS)],
  );
  await db.query(
    `DELETE FROM login_known_addresses WHERE (username, ip) IN (
       SELECT username, ip FROM login_known_addresses WHERE last_login_at <= $1 LIMIT ${PRUNE_BATCH} FOR UPDATE SKIP LOCKED)`,
    [new Date(now.getTime() - KNOWN_ADDRESS_MS)],
  );
}
