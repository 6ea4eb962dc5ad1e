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

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(fail('NOT_FOUND', { path: req.path }));
};
