import type { CookieOptions, Request, RequestHandler, Response } from 'express';
import { parseCookie } from 'cookie';
import { fail } from '../errors';
import type { AppContext } from '../http/AppContext';
import { ANONYMOUS, type Actor } from './Actor';
import { findSession, type Session } from './resolveSession';
import { tokensMatch } from './sessionTokens';
import { toActor } from './userStore';

export const SESSION_COOKIE = 'mf_session';
export const CSRF_HEADER = 'x-csrf-token';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** HttpOnly keeps the token from scripts; Lax keeps it off cross-site posts; no Max-Age, the server decides expiry. */
export function sessionCookieOptions(ctx: AppContext): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', path: '/', secure: ctx.config.isProduction };
}

/** The login request is the one write made before there is a CSRF token to send. */
function isLoginRequest(req: Request): boolean {
  return req.method === 'POST' && /^\/session\/?$/.test(req.path);
}

export function sessionTokenOf(req: Request): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  return parseCookie(header)[SESSION_COOKIE] || undefined;
}

/** Who is asking; ANONYMOUS before `sessionMiddleware` ran or without a session. */
export function actorOf(res: Response): Actor {
  return (res.locals.actor as Actor | undefined) ?? ANONYMOUS;
}

export function sessionOf(res: Response): Session | undefined {
  return res.locals.session as Session | undefined;
}

/**
 * Resolves the `mf_session` cookie into `res.locals.actor` (and `res.locals.session`), and refuses
 * cookie-authenticated writes whose X-CSRF-Token header does not carry the session's token.
 */
export function sessionMiddleware(ctx: AppContext): RequestHandler {
  return async (req, res, next) => {
    res.locals.actor = ANONYMOUS;
    const token = sessionTokenOf(req);
    if (!token) return next();
    const session = await findSession(ctx, token);
    if (!session) {
      // A stale cookie would be sent on every request for nothing; the login response sets a new one.
      if (!isLoginRequest(req)) res.clearCookie(SESSION_COOKIE, sessionCookieOptions(ctx));
      return next();
    }
    res.locals.actor = toActor(session.user);
    res.locals.session = session;
    if (UNSAFE_METHODS.has(req.method) && !isLoginRequest(req) && !tokensMatch(req.get(CSRF_HEADER), session.csrfToken)) {
      throw fail('CSRF_INVALID');
    }
    next();
  };
}
