import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { startTestServer, DEMO_PASSWORD, type TestServer } from '../support/startTestServer';
import { TestClient, type TestResponse } from '../support/TestClient';

const FORGED = '203.0.113.250';

function guess(server: TestServer, username: string, forwardedFor: string): Promise<TestResponse> {
  return new TestClient(server.url).request(
    'POST',
    '/api/session',
    { username, password: 'forged-guess' },
    { headers: { 'x-forwarded-for': forwardedFor } },
  );
}

async function recorded(server: TestServer, username: string): Promise<{ audit: string[]; throttle: string[] }> {
  const audit = await server.deps.db.query<{ ip: string }>(
    "SELECT ip FROM audit_log WHERE action = 'session.login_failed' AND details->>'username' = $1 ORDER BY id",
    [username],
  );
  const throttle = await server.deps.db.query<{ ip: string }>('SELECT ip FROM login_failures WHERE username = $1 ORDER BY id', [
    username,
  ]);
  return { audit: audit.rows.map((row) => row.ip), throttle: throttle.rows.map((row) => row.ip) };
}

describe('X-Forwarded-For without TRUST_PROXY', () => {
  let server: TestServer;
  beforeAll(async () => {
    // HOST empty means unset: a demo server then listens on loopback only.
    server = await startTestServer({ env: { HOST: '' } });
  });
  afterAll(() => server?.close());

  it('listens on 127.0.0.1 in demo mode when HOST is not set', () => {
    expect(server.config.isDemo).toBe(true);
    expect(server.config.host).toBe('127.0.0.1');
    expect((server.server.address() as AddressInfo).address).toBe('127.0.0.1');
  });

  it('records the connecting address, not a forged header, in the audit log and the throttle', async () => {
    await guess(server, 'forged_header', FORGED);
    const { audit, throttle } = await recorded(server, 'forged_header');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatch(/127\.0\.0\.1/);
    expect(throttle).toEqual(audit);
    expect(JSON.stringify({ audit, throttle })).not.toContain(FORGED);
  });

  it('does not let a forged header escape the limit of one user name and address', async () => {
    const statuses: number[] = [];
    for (let index = 0; index < 6; index += 1) statuses.push((await guess(server, 'legal', `203.0.113.${index + 1}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });
});

describe('X-Forwarded-For with TRUST_PROXY=loopback', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { TRUST_PROXY: 'loopback' } });
  });
  afterAll(() => server?.close());

  it('records the address the proxy forwards', async () => {
    await guess(server, 'proxied_guess', FORGED);
    expect(await recorded(server, 'proxied_guess')).toEqual({ audit: [FORGED], throttle: [FORGED] });
  });

  it('uses the address next to the proxy when a client sends its own header through it', async () => {
    // The proxy appends the peer it saw; what the client wrote in front of it is not believed.
    await guess(server, 'chained_guess', `10.9.9.9, ${FORGED}`);
    expect((await recorded(server, 'chained_guess')).audit).toEqual([FORGED]);
  });

  it('still lets the user in from another address', async () => {
    for (let index = 0; index < 5; index += 1) await guess(server, 'supervisor', FORGED);
    expect((await guess(server, 'supervisor', FORGED)).status).toBe(429);
    const login = await new TestClient(server.url).request(
      'POST',
      '/api/session',
      { username: 'supervisor', password: DEMO_PASSWORD },
      { headers: { 'x-forwarded-for': '198.51.100.20' } },
    );
    expect(login.status).toBe(200);
  });
});
