import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Request, RequestHandler, Response } from 'express';
import { CSRF_HEADER, SESSION_COOKIE, tokensMatch } from '../identity';
import { fail, requireRole, requireUser, type Route } from '../kernel';
import { checkJsonValue } from './checkJsonValue';
import type { HttpSettings } from './HttpSettings';
import { hasBody, mediaTypeOf, readBody } from './readBody';
import { discardRest, streamBodyOf } from './streamBody';
import { actorOf, sessionCookieOptions, sessionOf } from './sessionMiddleware';
import { sendCacheable } from './sendCacheable';
import { validateInput } from './validateInput';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** One object for every route without query parameters: validators are compiled once per schema object. */
const NO_QUERY = { type: 'object', additionalProperties: false, properties: {} } as const;

/** Strings that PostgreSQL cannot hold (NUL) or that are not text (lone surrogates) never reach it. */
function checkStrings(values: Record<string, unknown>, prefix: string): void {
  const issue = checkJsonValue(values, prefix);
  if (issue) throw fail('BAD_QUERY', [issue]);
}

async function readRouteBody(route: Route, req: Request, settings: HttpSettings): Promise<{ body: unknown; mediaType: string }> {
  const mediaType = mediaTypeOf(req);
  if (!route.body) {
    if (hasBody(req) && UNSAFE_METHODS.has(req.method)) {
      // Nothing is read: a body an endpoint ignores must not cost memory.
      req.resume();
    }
    return { body: undefined, mediaType };
  }
  if ('stream' in route.body) return { body: streamBodyOf(req, route.body.stream, mediaType), mediaType };
  if ('raw' in route.body) {
    if (!route.body.raw.mediaTypes.includes(mediaType))
      throw fail('UNSUPPORTED_MEDIA_TYPE', { expected: route.body.raw.mediaTypes });
    return { body: await readBody(req, { maxBytes: route.body.raw.maxBytes }), mediaType };
  }
  // No body at all is a missing body (VALIDATION_FAILED), not a wrong media type.
  if (!hasBody(req)) return { body: validateInput(route.body.json as object, undefined), mediaType };
  if (mediaType !== 'application/json') throw fail('UNSUPPORTED_MEDIA_TYPE', { expected: 'application/json' });
  const bytes = await readBody(req, { maxBytes: settings.bodyLimitBytes });
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw fail('BAD_JSON');
  }
  // Every request body is an object or an array; a bare scalar is a client bug.
  if (typeof value !== 'object' || value === null) throw fail('BAD_JSON');
  const issue = checkJsonValue(value);
  if (issue) throw fail('VALIDATION_FAILED', [issue]);
  return { body: validateInput(route.body.json as object, value), mediaType };
}

/** The declared request headers, each checked against its pattern before the body is read. */
function readHeaders(route: Route, req: Request): Record<string, string> {
  const found: Record<string, string> = {};
  for (const [name, spec] of Object.entries(route.requestHeaders ?? {})) {
    const value = req.get(name);
    const pointer = `/header/${name}`;
    if (value === undefined) {
      if (spec.isRequired) throw fail(spec.errorCode, [{ pointer, code: 'schema.required', message: `缺少请求头 ${name}` }]);
      continue;
    }
    if (!new RegExp(spec.pattern).test(value))
      throw fail(spec.errorCode, [{ pointer, code: 'schema.pattern', message: `请求头 ${name} 格式不正确` }]);
    found[name] = value;
  }
  return found;
}

function checkAccess(route: Route, res: Response): void {
  const actor = actorOf(res);
  if (route.access === 'public') return;
  if (route.access === 'user') requireUser(actor);
  else requireRole(actor, route.access);
}

async function send(reply: Awaited<ReturnType<Route['handle']>>, res: Response, settings: HttpSettings): Promise<void> {
  if (reply.sessionCookie === null) res.clearCookie(SESSION_COOKIE, sessionCookieOptions(settings));
  else if (reply.sessionCookie !== undefined) res.cookie(SESSION_COOKIE, reply.sessionCookie, sessionCookieOptions(settings));
  for (const [name, value] of Object.entries(reply.headers ?? {})) res.setHeader(name, value);
  if (await sendCacheable(reply, res)) return;
  res.status(reply.status ?? 200);
  if (reply.stream) {
    await pipeline(Readable.from(reply.stream), res);
    return;
  }
  if (reply.body === undefined) res.end();
  else res.json(reply.body);
}

/**
 * One route as express sees it. The order is the point: who is asking (session, CSRF, role) is
 * settled before a single body byte is read; then path, query and body are validated against the
 * route's schemas; only then does the operation run.
 */
export function mountRoute(route: Route, settings: HttpSettings): RequestHandler {
  return async (req, res) => {
    const session = sessionOf(res);
    if (
      session &&
      UNSAFE_METHODS.has(req.method) &&
      !route.isCsrfExempt &&
      !tokensMatch(req.get(CSRF_HEADER), session.csrfToken)
    ) {
      throw fail('CSRF_INVALID');
    }
    checkAccess(route, res);
    checkStrings(req.params, '/path');
    checkStrings(req.query as Record<string, unknown>, '/query');
    const params = route.params
      ? validateInput(route.params, req.params, { code: route.paramsErrorCode ?? 'BAD_QUERY', prefix: '/path' })
      : {};
    const query = validateInput(route.query ?? NO_QUERY, req.query, {
      code: 'BAD_QUERY',
      prefix: '/query',
    });
    const headers = readHeaders(route, req);
    let reply;
    try {
      const { body, mediaType } = await readRouteBody(route, req, settings);
      reply = await route.handle({
        call: { actor: actorOf(res), ip: req.ip ?? null },
        params,
        query,
        body,
        session,
        mediaType,
        headers,
      });
    } finally {
      // A refused stream (media type, size, a handler's refusal) leaves the rest of the body unread.
      if (route.body && 'stream' in route.body) discardRest(req, route.body.stream.maxBytes);
    }
    await send(reply, res, settings);
  };
}
