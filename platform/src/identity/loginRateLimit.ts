import { fail, type Queryable } from '../kernel';

export const LOGIN_WINDOW_MINUTES = 15;
/** Failures allowed inside the window; the next attempt is refused until the oldest one ages out. */
export const MAX_FAILURES_PER_USERNAME = 5;
export const MAX_FAILURES_PER_IP = 20;

const WINDOW_MS = LOGIN_WINDOW_MINUTES * 60_000;

/** When the limit on this key ends, or undefined when it is not reached. */
async function blockedUntil(
  q: Queryable,
  { column, value, limit, now }: { column: 'username' | 'ip'; value: string; limit: number; now: Date },
): Promise<Date | undefined> {
  // The limit-th most recent failure in the window: once it ages out, fewer than `limit` remain.
  const result = await q.query<{ at: Date | string }>(
    `SELECT at FROM login_failures WHERE ${column} = $1 AND at > $2 ORDER BY at DESC OFFSET $3 LIMIT 1`,
    [value, new Date(now.getTime() - WINDOW_MS), limit - 1],
  );
  const row = result.rows[0];
  return row ? new Date(new Date(row.at).getTime() + WINDOW_MS) : undefined;
}

/**
 * Throws LOGIN_RATE_LIMITED (details.retryAfterSeconds) when this user name or address has used up
 * its failures. The counts live in the database so that the limit holds across server processes.
 */
export async function assertLoginAllowed(
  q: Queryable,
  { username, ip, now }: { username: string; ip: string; now: Date },
): Promise<void> {
  const until = [
    await blockedUntil(q, { column: 'username', value: username, limit: MAX_FAILURES_PER_USERNAME, now }),
    await blockedUntil(q, { column: 'ip', value: ip, limit: MAX_FAILURES_PER_IP, now }),
  ].filter((at): at is Date => at !== undefined);
  if (until.length === 0) return;
  const latest = Math.max(...until.map((at) => at.getTime()));
  const retryAfterSeconds = Math.max(1, Math.ceil((latest - now.getTime()) / 1000));
  throw fail('LOGIN_RATE_LIMITED', { retryAfterSeconds });
}

export async function recordLoginFailure(
  q: Queryable,
  { username, ip, now }: { username: string; ip: string; now: Date },
): Promise<void> {
  await q.query('INSERT INTO login_failures (username, ip, at) VALUES ($1, $2, $3)', [username, ip, now]);
  // Rows older than the window no longer count; the audit log keeps the history.
  await q.query('DELETE FROM login_failures WHERE at < $1', [new Date(now.getTime() - WINDOW_MS)]);
}
