import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/startTestServer';
import type { TestClient } from '../support/TestClient';

let server: TestServer;
let legal: TestClient;

beforeAll(async () => {
  server = await startTestServer();
  legal = await server.login('legal');
});
afterAll(() => server?.close());

describe('hostile paths and query strings', () => {
  it('answers broken percent-encoding in a path with 400, never a 500', async () => {
    for (const path of ['/api/matters/%', '/api/matters/%E4%B8', '/api/matters/%zz/versions/1']) {
      for (const client of [server.anonymous(), legal]) {
        const response = await client.get(path);
        expect(response.status, path).toBe(400);
        expect(response.body.error.code, path).toBe('BAD_QUERY');
      }
    }
  });

  it('refuses a NUL in a query parameter with BAD_QUERY before it reaches the database', async () => {
    for (const path of ['/api/matters?q=%00', '/api/matters?q=%E9%A3%9F%00', '/api/matters?code=%00']) {
      const response = await server.anonymous().get(path);
      expect(response.status, path).toBe(400);
      expect(response.body.error.code, path).toBe('BAD_QUERY');
    }
    const audit = await legal.get('/api/audit?targetId=%00');
    expect(audit.status).toBe(400);
    expect(audit.body.error.code).toBe('BAD_QUERY');
    // The same searches without the NUL still work.
    expect((await server.anonymous().get('/api/matters?q=%E9%A3%9F')).status).toBe(200);
    expect((await legal.get('/api/audit?targetId=x')).status).toBe(200);
  });
});
