import { flowMetaSchema, matterMetaSchema } from '@matterflow/schemas';
import { CSRF_HEADER, SESSION_COOKIE } from '../identity';
import type { ObjectSchema, Route } from '../kernel';

type Json = Record<string, unknown>;

const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

/** Rewrites `$ref`s in place with `rename`; the meta-schemas are trees of plain JSON. */
function rewriteRefs(node: unknown, rename: (ref: string) => string): unknown {
  if (Array.isArray(node)) return node.map((item) => rewriteRefs(item, rename));
  if (typeof node !== 'object' || node === null) return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [
      key,
      key === '$ref' && typeof value === 'string' ? rename(value) : rewriteRefs(value, rename),
    ]),
  );
}

/**
 * The meta-schemas as OpenAPI components: each `$defs` entry becomes a named schema and every
 * reference points into the document, so generated clients get named types (Material, LegalRef,
 * FlowNode…) and validators resolve references without the schemas' own `$id`s.
 */
function metaSchemaComponents(): Record<string, unknown> {
  const flowId = String(flowMetaSchema.$id);
  const split = (schema: Readonly<Json>, name: string, prefix: string): Record<string, unknown> => {
    const { $schema: _dialect, $id: _id, $defs, ...root } = schema as Json;
    const rename = (ref: string) => {
      if (ref === flowId) return '#/components/schemas/Flow';
      const local = /^#\/\$defs\/(.+)$/.exec(ref);
      return local?.[1] ? `#/components/schemas/${prefix}${pascal(local[1])}` : ref;
    };
    const defs = Object.entries(($defs ?? {}) as Json).map(([def, value]) => [
      `${prefix}${pascal(def)}`,
      rewriteRefs(value, rename),
    ]);
    return { [name]: rewriteRefs(root, rename), ...Object.fromEntries(defs) };
  };
  return { ...split(matterMetaSchema, 'MatterDocument', ''), ...split(flowMetaSchema, 'Flow', 'Flow') };
}

function parametersOf(schema: ObjectSchema | undefined, location: 'path' | 'query'): Json[] {
  if (!schema) return [];
  const required = new Set<string>(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  return Object.entries(schema.properties).map(([name, property]) => ({
    name,
    in: location,
    required: location === 'path' || required.has(name),
    schema: property,
    ...(typeof (property as Json).description === 'string' ? { description: (property as Json).description } : {}),
  }));
}

const UNSAFE = new Set(['post', 'put', 'delete']);

/**
 * The statuses `mountRoute` itself may answer, added to the route's own: whoever writes a route
 * cannot forget that a body can be too large or a role missing.
 */
function errorStatusesOf(route: Route): number[] {
  const statuses = new Set(route.errors);
  // Unknown query parameters are refused on every route; NUL and bad encodings too.
  statuses.add(400);
  if (route.access !== 'public') [401, 403].forEach((status) => statuses.add(status));
  if (UNSAFE.has(route.method) && !route.isCsrfExempt) statuses.add(403);
  if (route.body) [400, 413, 415, 422].forEach((status) => statuses.add(status));
  return [...statuses].sort((a, b) => a - b);
}

/** No content: 204, and 304 (a cache's copy is still good). */
const BODILESS = new Set(['204', '304']);

function operationOf(route: Route): Json {
  const parameters = [...parametersOf(route.params, 'path'), ...parametersOf(route.query, 'query')];
  if (UNSAFE.has(route.method) && !route.isCsrfExempt) {
    parameters.push({
      name: 'X-CSRF-Token',
      in: 'header',
      // Public writes (logout) need it only when a session cookie is sent.
      required: route.access !== 'public',
      description: '登录应答中的 csrfToken；以会话 Cookie 认证的写操作必须携带',
      schema: { type: 'string', minLength: 43, maxLength: 43 },
    });
  }
  for (const [name, spec] of Object.entries(route.requestHeaders ?? {})) {
    parameters.push({
      name,
      in: 'header',
      required: spec.isRequired,
      description: spec.description,
      schema: { type: 'string', pattern: spec.pattern },
    });
  }
  const responses: Json = {};
  for (const [status, response] of Object.entries(route.responses)) {
    const mediaTypes = response.mediaTypes ?? ['application/json'];
    responses[status] = {
      description: response.description,
      ...(response.schema || !BODILESS.has(status)
        ? { content: Object.fromEntries(mediaTypes.map((type) => [type, { schema: response.schema ?? {} }])) }
        : {}),
      ...(response.headers ? { headers: response.headers } : {}),
    };
    if (BODILESS.has(status)) delete (responses[status] as Json).content;
  }
  for (const status of errorStatusesOf(route)) responses[String(status)] = { $ref: '#/components/responses/Error' };
  let requestBody: Json | undefined;
  if (route.body && 'json' in route.body)
    requestBody = { required: true, content: { 'application/json': { schema: route.body.json } } };
  if (route.body && 'raw' in route.body) {
    const { raw } = route.body;
    requestBody = {
      required: true,
      description: `${raw.description}（上限 ${Math.round(raw.maxBytes / 1024 / 1024)} MB）`,
      content: Object.fromEntries(raw.mediaTypes.map((type) => [type, { schema: { type: 'string', contentMediaType: type } }])),
    };
  }
  if (route.body && 'stream' in route.body) {
    const { stream } = route.body;
    requestBody = {
      required: true,
      description: `${stream.description}（上限 ${Math.round(stream.maxBytes / 1024 / 1024)} MB）`,
      content: Object.fromEntries(
        stream.mediaTypes.map((type) => [type, { schema: stream.fields ?? { type: 'string', contentMediaType: type } }]),
      ),
    };
  }
  return {
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    tags: [...route.tags],
    operationId: operationIdOf(route),
    ...(route.access === 'public' ? {} : { security: [{ session: [] }] }),
    ...(parameters.length ? { parameters } : {}),
    ...(requestBody ? { requestBody } : {}),
    responses,
  };
}

/** `get /matters/{code}/versions` → `getMattersCodeVersions`: stable names for generated clients. */
function operationIdOf(route: Route): string {
  const words = route.path.split(/[/{}._-]+/).filter(Boolean);
  return route.method + words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('');
}

export const errorBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      additionalProperties: false,
      required: ['code', 'message', 'details'],
      properties: {
        code: { type: 'string', description: '稳定错误码，见 docs/errors.md' },
        message: { type: 'string', description: '中文说明' },
        details: {
          description: '字段问题列表 [{pointer, code, message}]、其他上下文或 null',
          oneOf: [
            { type: 'null' },
            {
              type: 'array',
              items: {
                type: 'object',
                required: ['pointer', 'code', 'message'],
                properties: { pointer: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' } },
              },
            },
            { type: 'object' },
          ],
        },
      },
    },
  },
} as const;

/** The whole public surface, derived from the mounted routes themselves. */
export function buildOpenApi(routes: readonly Route[]): Json {
  const paths: Record<string, Json> = {};
  for (const route of routes) {
    const path = `/api${route.path}`;
    paths[path] = { ...paths[path], [route.method]: operationOf(route) };
  }
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'Matterflow 事项通 API',
      version: '0.2.0',
      description:
        '政务服务事项目录、办事指南、申请与办件的 HTTP 接口。错误统一为 {error:{code,message,details}}，错误码见 docs/errors.md。',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: SESSION_COOKIE,
          description: `登录后设置的会话 Cookie；写操作另需 ${CSRF_HEADER} 头`,
        },
      },
      schemas: {
        ...metaSchemaComponents(),
        Error: errorBodySchema,
      },
      responses: {
        Error: { description: '错误', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      },
    },
  };
}
