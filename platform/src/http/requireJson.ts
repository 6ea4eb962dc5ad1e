import type { RequestHandler } from 'express';
import { fail } from '../errors';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH']);

/** Writes with a body must declare JSON; anything else would be silently ignored by express.json. */
export const requireJson: RequestHandler = (req, _res, next) => {
  const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (UNSAFE.has(req.method) && hasBody && !req.is('application/json')) {
    next(fail('UNSUPPORTED_MEDIA_TYPE', { expected: 'application/json' }));
    return;
  }
  next();
};
