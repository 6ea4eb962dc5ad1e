import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/startTestServer';
import { foodLicence } from '../support/matterFixtures';
import { publishMatter } from '../support/publishMatter';
import type { TestClient, TestResponse } from '../support/TestClient';

let server: TestServer;
let legal: TestClient;
let publishedCode: string;

beforeAll(async () => {
  server = await startTestServer();
  legal = await server.login('legal');
  const doc = foodLicence({ suffix: '0001310249001' });
  publishedCode = doc.code;
  await publishMatter(legal, doc);
});
afterAll(() => server?.close());

function expectError(response: TestResponse, status: number, code: string) {
  expect(response.status, response.text).toBe(status);
  expect(response.body.error.code).toBe(code);
  expect(typeof response.body.error.message).toBe('string');
}

const matterCount = async () =>
  (await server.deps.db.query<{ n: number }>('SELECT count(*)::int AS n FROM matter_versions')).rows[0]?.n;

describe('hostile requests to the catalog', () => {
  it('answers malformed JSON with BAD_JSON', async () => {
    expectError(await legal.request('POST', '/api/matters', '{"document": {"code": '), 400, 'BAD_JSON');
    expectError(await legal.request('POST', '/api/matters', '[1,2'), 400, 'BAD_JSON');
  });

  it('refuses non-JSON writes with UNSUPPORTED_MEDIA_TYPE', async () => {
    expectError(
      await legal.request('POST', '/api/matters', 'document=1', { contentType: 'application/x-www-form-urlencoded' }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
  });

  it('refuses bodies over the limit with BODY_TOO_LARGE and writes nothing', async () => {
    const before = await matterCount();
    const huge = { document: { ...foodLicence({ suffix: '0001310249002' }), acceptCondition: 'x'.repeat(2_000_000) } };
    expectError(await legal.post('/api/matters', huge), 413, 'BODY_TOO_LARGE');
    expect(await matterCount()).toBe(before);
  });

  it('reports wrong types and unknown properties with JSON pointers', async () => {
    const doc = {
      ...foodLicence({ suffix: '0001310249003' }),
      name: 42,
      unexpected: true,
      timeLimits: { statutory: { value: '十', unit: 'workday' } },
    };
    const response = await legal.post('/api/matters', { document: doc });
    expectError(response, 422, 'MATTER_INVALID');
    const pointers = response.body.error.details.map((d: { pointer: string }) => d.pointer);
    expect(pointers).toEqual(
      expect.arrayContaining(['/document/name', '/document/unexpected', '/document/timeLimits/statutory/value']),
    );
    expect(response.body.error.details.every((d: { message: string }) => /[\u4e00-\u9fa5]/.test(d.message))).toBe(true);
  });

  it('rejects unknown top-level properties and wrong shapes of the envelope', async () => {
    expectError(
      await legal.post('/api/matters', { document: foodLicence({ suffix: '0001310249004' }), extra: 1 }),
      422,
      'VALIDATION_FAILED',
    );
    expectError(await legal.post('/api/matters', [foodLicence()]), 422, 'VALIDATION_FAILED');
    expectError(await legal.post('/api/matters', { document: 'DROP TABLE matters' }), 422, 'VALIDATION_FAILED');
    expectError(
      await legal.put(`/api/matters/${publishedCode}/draft`, { revision: '1', document: {} }),
      422,
      'VALIDATION_FAILED',
    );
    expectError(
      await legal.post(`/api/matters/${publishedCode}/transitions`, { action: 'publishNow' }),
      422,
      'VALIDATION_FAILED',
    );
    expectError(
      await legal.post(`/api/matters/${publishedCode}/transitions`, { action: 'retire', cancelDate: '2026-02-30x' }),
      422,
      'VALIDATION_FAILED',
    );
  });

  it('refuses malformed matter codes in paths', async () => {
    for (const bad of ['abc', "1' OR '1'='1", '%27%3B%20DROP%20TABLE%20matters%3B--', 'X'.repeat(80), '..%2F..%2Fetc%2Fpasswd']) {
      expectError(await legal.get(`/api/matters/${bad}`), 400, 'MATTER_CODE_INVALID');
    }
    expectError(await legal.get(`/api/matters/${publishedCode}/versions/0`), 400, 'BAD_QUERY');
    expectError(await legal.get(`/api/matters/${publishedCode}/versions/1e3`), 400, 'BAD_QUERY');
  });

  it('treats SQL and LIKE syntax in search as plain text', async () => {
    for (const q of [
      "' OR 1=1 --",
      "食品'; DROP TABLE matters; --",
      '%',
      '_',
      '\\',
      "'||(SELECT password_hash FROM users LIMIT 1)||'",
    ]) {
      const response = await legal.get(`/api/matters?q=${encodeURIComponent(q)}`);
      expect(response.status, q).toBe(200);
      expect(response.body.total, q).toBe(0);
    }
    // Other tests here add drafts of the same name; the one published matter is the control.
    expect((await legal.get(`/api/matters?q=${encodeURIComponent('食品经营')}&status=published`)).body.total).toBe(1);
    expect(await matterCount()).toBeGreaterThan(0);
  });

  it('refuses JSON-operator and array injection in query parameters', async () => {
    expectError(await legal.get('/api/matters?q[$ne]=1'), 400, 'BAD_QUERY');
    expectError(await legal.get('/api/matters?q=a&q=b'), 400, 'BAD_QUERY');
    expectError(await legal.get(`/api/matters?status=${encodeURIComponent("published' OR '1'='1")}`), 400, 'BAD_QUERY');
    expectError(await legal.get(`/api/matters?department=${encodeURIComponent('{"$gt":""}')}`), 400, 'BAD_QUERY');
    expectError(await legal.get('/api/matters?pageSize=100000'), 400, 'BAD_QUERY');
    expectError(await legal.get('/api/matters?page=-1'), 400, 'BAD_QUERY');
    expectError(await legal.get('/api/matters?sort=name'), 400, 'BAD_QUERY');
  });

  it('survives hostile schemas inside a matter: remote $ref, deep nesting, bogus keywords', async () => {
    const base = foodLicence({ suffix: '0001310249005' });
    let nested: Record<string, unknown> = { type: 'string' };
    for (let i = 0; i < 40; i += 1) nested = { type: 'object', properties: { x: nested } };
    const hostile = {
      ...base,
      form: {
        schema: { type: 'object', properties: { a: { $ref: 'http://169.254.169.254/latest/meta-data' }, deep: nested } },
        uiSchema: {},
      },
      materials: [{ ...base.materials[0], condition: { properties: { a: { pattern: '(' } } } }],
    };
    const created = await legal.post('/api/matters', { document: hostile });
    expect(created.status, created.text).toBe(201);
    const submitted = await legal.post(`/api/matters/${base.code}/transitions`, { action: 'submit' });
    expectError(submitted, 422, 'PUBLISH_BLOCKED');
    const codes = submitted.body.error.details.map((d: { code: string }) => d.code);
    expect(codes).toContain('publish.form_invalid');
    expect(codes).toContain('publish.condition_invalid');
  });

  it('refuses nesting past the parser depth, NUL and lone surrogates with a pointer, writing nothing', async () => {
    const before = await matterCount();
    let nested: Record<string, unknown> = { type: 'string' };
    for (let i = 0; i < 2_000; i += 1) nested = { type: 'object', properties: { x: nested } };
    const deep = await legal.post('/api/matters', {
      document: { ...foodLicence({ suffix: '0001310249006' }), form: { schema: nested } },
    });
    expectError(deep, 422, 'VALIDATION_FAILED');
    expect(deep.body.error.details[0]).toMatchObject({
      code: 'json.too_deep',
      pointer: expect.stringMatching(/^\/document\/form\/schema\/properties\/x/),
    });
    const nul = await legal.post('/api/matters', {
      document: { ...foodLicence({ suffix: '0001310249007' }), name: '食品\u0000许可' },
    });
    expectError(nul, 422, 'VALIDATION_FAILED');
    expect(nul.body.error.details[0]).toMatchObject({ code: 'json.nul', pointer: '/document/name' });
    const lone = await legal.request('POST', '/api/matters', `{"document":{"name":"\\ud800"}}`);
    expectError(lone, 422, 'VALIDATION_FAILED');
    expect(lone.body.error.details[0]).toMatchObject({ code: 'json.surrogate', pointer: '/document/name' });
    const key = await legal.request('POST', '/api/matters', `{"document":{"a\\u0000b":1}}`);
    expect(key.body.error.details[0]).toMatchObject({ code: 'json.nul' });
    expect(await matterCount()).toBe(before);
  });

  it('answers unknown endpoints with NOT_FOUND and wrong methods with METHOD_NOT_ALLOWED, never a 500', async () => {
    expectError(await legal.get('/api/nothing-here'), 404, 'NOT_FOUND');
    const patch = await legal.request('PATCH', `/api/matters/${publishedCode}`, {});
    expectError(patch, 405, 'METHOD_NOT_ALLOWED');
    expect(patch.headers.get('allow')).toBe('GET');
    expectError(await legal.delete('/api/matters'), 405, 'METHOD_NOT_ALLOWED');
  });
});
