import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import type { FromSchema, JSONSchema } from 'json-schema-to-ts';
import type { Role } from './Actor';
import type { Call } from './Call';
import type { ErrorCode } from './errorCodes';

/**
 * A module's HTTP face as data: method, path, who may call it, the schemas of its parameters,
 * body and responses, and a handler that calls an operation. `http/` turns these into express
 * routes and into the OpenAPI document, so what is served and what is documented cannot differ,
 * and modules never import express.
 */
export type Access = 'public' | 'user' | readonly Role[];

/** The schema of a path or query object: its properties become parameters. */
export interface ObjectSchema {
  readonly type: 'object';
  readonly properties: Readonly<Record<string, unknown>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean;
}

export interface ResponseSpec {
  description: string;
  /** JSON Schema of the body (JSON unless `mediaTypes` says otherwise). */
  schema?: object;
  mediaTypes?: readonly string[];
  headers?: Record<string, { description: string; schema: object }>;
}

export interface RawBodySpec {
  raw: { mediaTypes: readonly string[]; maxBytes: number; description: string };
}
export interface JsonBodySpec<B extends JSONSchema> {
  json: B;
}
/**
 * A body the handler reads itself, as it arrives (uploads): `http/` checks access, CSRF, path,
 * query and media type first, and hands over the request untouched. `fields` documents the form's
 * parts (an object schema; OpenAPI only), `maxBytes` is the most the handler will accept.
 */
export interface StreamBodySpec {
  stream: {
    mediaTypes: readonly string[];
    maxBytes: number;
    description: string;
    fields?: ObjectSchema;
  };
}

/** What a stream body's handler gets: the unread request and its headers. */
export interface StreamBody {
  stream: Readable;
  headers: IncomingHttpHeaders;
}

/**
 * A request header an operation reads (e.g. `Idempotency-Key`), checked by `http/` before the
 * body is read and documented as a header parameter; a missing or malformed one fails with `errorCode`.
 */
export interface HeaderSpec {
  description: string;
  pattern: string;
  isRequired: boolean;
  errorCode: ErrorCode;
}

/** The session a request came with (resolved by `http/` before any route runs). */
export interface RequestSession {
  token: string;
  csrfToken: string;
  /** The identity module's view of the user (the login answer's `user`). */
  user: unknown;
}

export interface RouteInput<P, Q, B> {
  call: Call;
  params: P;
  query: Q;
  body: B;
  session: RequestSession | undefined;
  /** The declared request headers that were sent (names in lower case). */
  headers: Record<string, string>;
}

export interface Reply {
  status?: number;
  /** A JSON body; omitted for 204. */
  body?: unknown;
  /** A streamed body (exports); `headers` then carries its media type. */
  stream?: AsyncIterable<Uint8Array | string>;
  headers?: Record<string, string>;
  /** Starts (token) or ends (null) the session cookie. */
  sessionCookie?: string | null;
  /**
   * The answer is the same for every public reader, so shared caches may keep it: `http/` sends a
   * strong ETag (`etag`, or a hash of the body) and answers a matching If-None-Match with 304.
   * `revalidate`: may change (the version in force, a search page), so caches ask every time;
   * `immutable`: never changes under this URL. Ignored for staff, whose answers stay private.
   */
  cache?: { policy: 'revalidate' | 'immutable'; etag?: string };
}

// `object extends S` is true only while S is still the bare constraint (during inference); FromSchema
// must not run on that, or the checker explodes.
type Infer<S> = [S] extends [undefined] ? undefined : object extends S ? never : S extends JSONSchema ? FromSchema<S> : never;
type BodyOf<B> = [B] extends [undefined]
  ? undefined
  : B extends RawBodySpec
    ? Uint8Array
    : B extends StreamBodySpec
      ? StreamBody
      : B extends JsonBodySpec<infer S>
        ? Infer<S>
        : never;

export interface RouteSpec<P extends object | undefined, Q extends object | undefined, B> {
  method: 'get' | 'post' | 'put' | 'delete';
  /** OpenAPI-style path under /api, e.g. `/matters/{code}`. */
  path: string;
  summary: string;
  description?: string;
  tags: readonly string[];
  /** Checked before the body is read: an outsider never makes the server parse or inflate anything. */
  access: Access;
  /** The login request: a write sent before there is a CSRF token. */
  isCsrfExempt?: boolean;
  params?: P & ObjectSchema;
  query?: Q & ObjectSchema;
  body?: B;
  responses: Record<string, ResponseSpec>;
  /** Error statuses the route may answer with (each documented as the shared error body). */
  errors: readonly number[];
  /** Error code for a malformed path parameter (BAD_QUERY unless said otherwise). */
  paramsErrorCode?: 'BAD_QUERY' | 'MATTER_CODE_INVALID';
  /** Request headers the handler reads, by lower-case name. */
  requestHeaders?: Record<string, HeaderSpec>;
  handle(
    input: RouteInput<Infer<P>, Infer<Q>, BodyOf<B>> & {
      mediaType: string;
    },
  ): Promise<Reply>;
}

/** A route with its types erased, as `http/` consumes it. */
export interface Route {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  summary: string;
  description?: string;
  tags: readonly string[];
  access: Access;
  isCsrfExempt?: boolean;
  params?: ObjectSchema;
  query?: ObjectSchema;
  body?: JsonBodySpec<JSONSchema> | RawBodySpec | StreamBodySpec;
  responses: Record<string, ResponseSpec>;
  errors: readonly number[];
  paramsErrorCode?: 'BAD_QUERY' | 'MATTER_CODE_INVALID';
  requestHeaders?: Record<string, HeaderSpec>;
  handle(input: RouteInput<unknown, unknown, unknown> & { mediaType: string }): Promise<Reply>;
}

/** Declares a route; the handler's params, query and body are typed from their schemas. */
export function defineRoute<
  const P extends object | undefined = undefined,
  const Q extends object | undefined = undefined,
  const B extends JsonBodySpec<JSONSchema> | RawBodySpec | StreamBodySpec | undefined = undefined,
>(spec: RouteSpec<P, Q, B>): Route {
  return spec as unknown as Route;
}
