import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { errorMessages, fail, isDomainError, type ErrorCode, type Route } from '../kernel';
import { errorStatus } from './errorStatus';

/** Errors express itself raises before a route runs (a path that does not decode, say). */
function fromFramework(error: unknown) {
  if (error instanceof URIError) return fail('BAD_QUERY', { reason: 'encoding' }, '路径或查询参数的编码无效');
  const status = (error as { status?: unknown; statusCode?: unknown })?.status;
  if (status === 400) return fail('BAD_QUERY');
  return undefined;
}

function retryAfterOf(details: unknown): number | undefined {
  const value = (details as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds;
  return typeof value === 'number' ? value : undefined;
}

/**
 * Error codes become HTTP answers here and nowhere else. Unknown errors are logged with the
 * request id and answered INTERNAL, hiding their details.
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const known = isDomainError(error) ? error : fromFramework(error);
    if (known && known.code in errorStatus) {
      const retryAfter = retryAfterOf(known.details);
      if (retryAfter !== undefined) res.setHeader('Retry-After', String(retryAfter));
      if (!res.headersSent) {
        res
          .status(errorStatus[known.code as ErrorCode])
          .json({ error: { code: known.code, message: known.message, details: known.details ?? null } });
      } else res.destroy();
      return;
    }
    logger.error({ err: error, method: req.method, url: req.originalUrl }, 'unhandled error');
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.status(500).json({ error: { code: 'INTERNAL', message: errorMessages.INTERNAL, details: null } });
  };
}

export function routePattern(path: string): RegExp {
  return new RegExp(`^/api${path.replace(/\{[^}]+\}/g, '[^/]+')}/?$`);
}

/**
 * Unknown paths are NOT_FOUND; a known path with a method it does not serve is METHOD_NOT_ALLOWED
 * with an Allow header. Known paths are the mounted routes themselves.
 */
export function notFoundHandler(routes: readonly Route[]): RequestHandler {
  const byPath = new Map<string, { pattern: RegExp; methods: string[] }>();
  for (const route of routes) {
    const entry = byPath.get(route.path) ?? { pattern: routePattern(route.path), methods: [] };
    entry.methods.push(route.method.toUpperCase());
    byPath.set(route.path, entry);
  }
  const templates = [...byPath.values()];
  return (req, res, next) => {
    const path = req.originalUrl.split('?')[0] ?? '';
    const known = templates.find((t) => t.pattern.test(path));
    if (known && !known.methods.includes(req.method)) {
      res.setHeader('Allow', known.methods.join(', '));
      next(fail('METHOD_NOT_ALLOWED', { method: req.method, allowed: known.methods }));
      return;
    }
    next(fail('NOT_FOUND', { path: req.path }));
  };
}
