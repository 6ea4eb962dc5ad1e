import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** The session cookie and the CSRF header the web face uses. */
export const SESSION_COOKIE = 'mf_session';
export const CSRF_HEADER = 'x-csrf-token';

/** 32 random bytes, base64url: the cookie value and the CSRF token. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** Only the hash is stored, so a leaked sessions table cannot be replayed as cookies. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Compares digests so that neither content nor length leaks through timing. */
export function tokensMatch(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}
