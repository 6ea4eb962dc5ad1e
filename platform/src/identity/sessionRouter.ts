import { Router } from 'express';
import { isDomainError } from '../errors';
import type { AppContext } from '../http/AppContext';
import { validateInput } from '../http/validateInput';
import { login } from './login';
import { logout } from './logout';
import { actorOf, SESSION_COOKIE, sessionCookieOptions, sessionOf, sessionTokenOf } from './sessionMiddleware';

/** Login request body; the same limits are published in OpenAPI. */
export const loginBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['username', 'password'],
  properties: {
    username: { type: 'string', minLength: 1, maxLength: 64 },
    password: { type: 'string', minLength: 1, maxLength: 256 },
  },
} as const;

export function sessionRouter(ctx: AppContext): Router {
  const router = Router();

  router.post('/session', async (req, res) => {
    const body = validateInput<{ username: string; password: string }>(loginBodySchema, req.body);
    try {
      const result = await login(ctx, { username: body.username, password: body.password, ip: req.ip ?? null });
      res.cookie(SESSION_COOKIE, result.token, sessionCookieOptions(ctx));
      res.json({ user: result.user, csrfToken: result.csrfToken });
    } catch (error) {
      if (isDomainError(error) && error.code === 'LOGIN_RATE_LIMITED') {
        const { retryAfterSeconds } = error.details as { retryAfterSeconds: number };
        res.setHeader('Retry-After', String(retryAfterSeconds));
      }
      throw error;
    }
  });

  router.get('/session', (_req, res) => {
    const session = sessionOf(res);
    res.json(session ? { user: session.user, csrfToken: session.csrfToken } : { user: null });
  });

  router.delete('/session', async (req, res) => {
    const token = sessionTokenOf(req);
    if (token && sessionOf(res)) await logout(ctx, { token, actor: actorOf(res), ip: req.ip ?? null });
    res.clearCookie(SESSION_COOKIE, sessionCookieOptions(ctx));
    res.status(204).end();
  });

  return router;
}
