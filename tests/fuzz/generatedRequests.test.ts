import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOpenApi } from '../../platform/src/http';
import { arbitraryFromSchema, hostileString, probeFromSchema } from '../support/arbitraryFromSchema';
import { foodLicence } from '../support/matterFixtures';
import { publishMatter } from '../support/publishMatter';
import { startTestServer, type TestServer } from '../support/startTestServer';
import type { TestClient } from '../support/TestClient';

/**
 * Generated requests over the whole OpenAPI document (what schemathesis does, in vitest): for every
 * operation, path and query parameters and bodies drawn from its own request schemas, mixed with
 * hostile strings and arbitrary JSON, sent anonymously and as a logged-in legal clerk. Nothing may
 * answer 5xx, and every answer must match the document (the TestClient checks each one).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);

/** A parameter value as text; generated objects may have no prototype, so String() cannot be used. */
const asText = (value: unknown): string => (typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value));

/** Percent-encodes any string, lone surrogates included (encodeURIComponent throws on those). */
const encodePathSegment = (text: string): string =>
  [...Buffer.from(text, 'utf8')]
    .map((byte) =>
      /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(byte))
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  schema: unknown;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema?: unknown }> };
}

let server: TestServer;
let legal: TestClient;
let publishedCode: string;

beforeAll(async () => {
  server = await startTestServer();
  legal = await server.login('legal');
  const document = foodLicence({ suffix: '0001310249901' });
  publishedCode = document.code;
  await publishMatter(legal, document);
});
afterAll(() => server?.close());

function requestArbitrary(template: string, method: string, operation: Operation) {
  const parameters = operation.parameters ?? [];
  const pathParameters = parameters.filter((p) => p.in === 'path');
  const queryParameters = parameters.filter((p) => p.in === 'query');
  const pathValues = fc.record(
    Object.fromEntries(
      pathParameters.map((p) => [
        p.name,
        // A real code half the time, so operations run past "not found".
        fc.oneof(fc.constant(p.name === 'code' ? publishedCode : '1'), probeFromSchema(p.schema).map(asText)),
      ]),
    ),
  );
  const queryValues = fc.record(Object.fromEntries(queryParameters.map((p) => [p.name, probeFromSchema(p.schema).map(asText)])), {
    requiredKeys: [],
  });
  const extraQuery = fc.option(fc.tuple(fc.string({ maxLength: 8 }), hostileString), { nil: undefined });
  const jsonSchema = operation.requestBody?.content['application/json']?.schema;
  const body = operation.requestBody ? fc.option(probeFromSchema(jsonSchema ?? {}), { nil: undefined }) : fc.constant(undefined);
  const isEncodedRaw = fc.boolean();
  return fc.record({ pathValues, queryValues, extraQuery, body, isEncodedRaw, asLegal: fc.boolean() }).map((drawn) => {
    let path = `${template}`;
    for (const [name, value] of Object.entries(drawn.pathValues)) {
      path = path.replace(
        `{${name}}`,
        drawn.isEncodedRaw ? encodePathSegment(String(value)) : String(value).replace(/[/?#]/g, ''),
      );
    }
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(drawn.queryValues)) query.set(name, String(value));
    if (drawn.extraQuery) query.set(drawn.extraQuery[0] || 'x', drawn.extraQuery[1]);
    const search = query.toString();
    return {
      method: method.toUpperCase(),
      url: `${path}${search ? `?${search}` : ''}`,
      body: drawn.body,
      asLegal: drawn.asLegal,
    };
  });
}

describe('generated requests over the OpenAPI document', () => {
  it('never answer 5xx and always match the document', async () => {
    const document = buildOpenApi(server.routes) as { paths: Record<string, Record<string, Operation>> };
    const operations = Object.entries(document.paths).flatMap(([template, item]) =>
      Object.entries(item).map(([method, operation]) => ({ template, method, operation })),
    );
    expect(operations.length).toBeGreaterThan(15);
    for (const { template, method, operation } of operations) {
      // Logging out the shared clerk would end the session the other runs use.
      const isLogout = method === 'delete' && template === '/api/session';
      await fc.assert(
        fc.asyncProperty(requestArbitrary(template, method, operation), async (request) => {
          const client = request.asLegal && !isLogout ? legal : server.anonymous();
          const body = request.body === undefined ? undefined : JSON.stringify(request.body);
          const response = await client.request(request.method, request.url, body);
          expect(
            response.status,
            `${request.method} ${request.url} ${body?.slice(0, 200) ?? ''} → ${response.text.slice(0, 300)}`,
          ).toBeLessThan(500);
        }),
        { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? Date.now() % 100_000), endOnFailure: true },
      );
    }
  }, 300_000);

  it('draws schema-valid values that the validator accepts', () => {
    // Guards the generator itself: if it drifted, the property above would only ever test the validator.
    const sample = fc.sample(
      arbitraryFromSchema({
        type: 'object',
        required: ['a'],
        properties: { a: { type: 'string', pattern: '^[0-9A-Z]{19,36}$' }, b: { enum: ['x', 'y'] } },
      }),
      20,
    );
    for (const value of sample) expect((value as { a: string }).a).toMatch(/^[0-9A-Z]{19,36}$/);
  });
});
