import type { CookieOptions, Request, RequestHandler, Response } from 'express';
import { parseCookie } from 'cookie';
import { ANONYMOUS, type Actor, type RequestSession } from '../kernel';
import { SESSION_COOKIE, type Session } from '../identity';
import type { HttpSettings } from './HttpSettings';

/** HttpOnly keeps the token from scripts; Lax keeps it off cross-site posts; no Max-Age, the server decides expiry. */
export function sessionCookieOptions(settings: HttpSettings): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', path: '/', secure: settings.isSecureCookies };
}

export function sessionTokenOf(req: Request): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  try {
    return parseCookie(header)[SESSION_COOKIE] || undefined;
  } catch {
    return undefined;
  }
}

export const SESSION_ENDED_HEADER = 'Session-Ended';

/** Who is asking; ANONYMOUS before `sessionMiddleware` ran or without a session. */
export function actorOf(res: Response): Actor {
  return (res.locals.actor as Actor | undefined) ?? ANONYMOUS;
}

export function sessionOf(res: Response): RequestSession | undefined {
  return res.locals.session as RequestSession | undefined;
}

/**
 * Resolves the session cookie into `res.locals.actor` and `res.locals.session`. A stale cookie
 * is cleared, since a browser would otherwise send it on every request for nothing, and the
 * answer says `Session-Ended: 1`: public reads answer an anonymous caller too, so without it a
 * staff screen whose session expired would quietly show the public catalog instead.
 */
export function sessionMiddleware({
  findSession,
  settings,
}: {
  findSession: (token: string) => Promise<Session | undefined>;
  settings: HttpSettings;
}): RequestHandler {
  return async (req, res, next) => {
    res.locals.actor = ANONYMOUS;
    const token = sessionTokenOf(req);
    if (!token) return next();
    const session = await findSession(token);
    if (!session) {
      res.clearCookie(SESSION_COOKIE, sessionCookieOptions(settings));
      res.setHeader(SESSION_ENDED_HEADER, '1');
      return next();
    }
    res.locals.actor = session.actor;
    res.locals.session = { token, csrfToken: session.csrfToken, user: session.user } satisfies RequestSession;
    next();
  };
}
