/** The slice of OpenAPI 3.1 we write; schemas are plain JSON Schema 2020-12. */
export interface Operation {
  summary: string;
  description?: string;
  tags: string[];
  security?: Record<string, string[]>[];
  parameters?: Record<string, unknown>[];
  requestBody?: Record<string, unknown>;
  responses: Record<string, unknown>;
}

export type PathItem = Partial<Record<'get' | 'post' | 'put' | 'delete' | 'patch', Operation>>;
export type Paths = Record<string, PathItem>;

export const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
export const ok = (description: string, schema: unknown = { type: 'object' }) => ({ description, ...json(schema) });
export const errorRef = { $ref: '#/components/responses/Error' };

/** Turns a query-object JSON Schema into OpenAPI `in: query` parameters. */
export function queryParameters(schema: { properties: Record<string, unknown>; required?: readonly string[] }) {
  return Object.entries(schema.properties).map(([name, property]) => ({
    name,
    in: 'query',
    required: schema.required?.includes(name) ?? false,
    schema: property,
  }));
}

export const pathParameter = (name: string, schema: unknown, description?: string) => ({
  name, in: 'path', required: true, schema, ...(description ? { description } : {}),
});
