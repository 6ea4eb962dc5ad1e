import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { errorCatalog, fail, isDomainError, type ErrorCode } from '../errors';

interface BodyParserError {
  type?: string;
  status?: number;
}

/** Turns body-parser failures into domain errors so the one mapping below covers them too. */
function fromBodyParser(error: BodyParserError) {
  switch (error.type) {
    case 'entity.parse.failed':
      return fail('BAD_JSON');
    case 'entity.too.large':
      return fail('BODY_TOO_LARGE');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return fail('UNSUPPORTED_MEDIA_TYPE');
    default:
      return undefined;
  }
}

/**
 * The one place where error codes become HTTP statuses. Unknown errors are logged with the request
 * id and answered with INTERNAL, hiding their details.
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const known = isDomainError(error) ? error : fromBodyParser(error as BodyParserError);
    if (known && known.code in errorCatalog) {
      const { status } = errorCatalog[known.code as ErrorCode];
      res.status(status).json({ error: { code: known.code, message: known.message, details: known.details ?? null } });
      return;
    }
    logger.error({ err: error, method: req.method, url: req.originalUrl }, 'unhandled error');
    res.status(500).json({ error: { code: 'INTERNAL', message: errorCatalog.INTERNAL.message, details: null } });
  };
}

/**
 * Unknown paths are NOT_FOUND; a known path with a method it does not serve is METHOD_NOT_ALLOWED
 * with an Allow header. Known paths come from the OpenAPI document, which a test keeps equal to
 * the mounted routes.
 */
export function notFoundHandler(paths: Record<string, Record<string, unknown>>): RequestHandler {
  const templates = Object.entries(paths).map(([template, item]) => ({
    pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
    methods: Object.keys(item).map((method) => method.toUpperCase()),
  }));
  return (req, res, next) => {
    const known = templates.find((t) => t.pattern.test(req.originalUrl.split('?')[0] ?? ''));
    if (known && !known.methods.includes(req.method)) {
      res.setHeader('Allow', known.methods.join(', '));
      next(fail('METHOD_NOT_ALLOWED', { method: req.method, allowed: known.methods }));
      return;
    }
    next(fail('NOT_FOUND', { path: req.path }));
  };
}
