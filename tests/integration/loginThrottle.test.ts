import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, DEMO_PASSWORD, type TestServer } from '../support/startTestServer';
import { mutableClock } from '../support/mutableClock';
import { TestClient, type TestResponse } from '../support/TestClient';
import { startServer, type RunningServer } from '../../platform/src/server/startServer';
import { createUser, MAX_FAILURES_PER_USERNAME } from '../../platform/src/identity';
import { SYSTEM_ACTOR } from '../../platform/src/kernel';

const clock = mutableClock('2026-03-02T01:00:00.000Z');
let server: TestServer;

// Documentation addresses (RFC 5737); the server trusts X-Forwarded-For from loopback here only.
const ATTACKER = '203.0.113.66';
const DESK = '198.51.100.10';

function attempt(ip: string, username: string, password: string, via: { url: string } = server): Promise<TestResponse> {
  return new TestClient(via.url).request('POST', '/api/session', { username, password }, { headers: { 'x-forwarded-for': ip } });
}

/** Passwords actually checked and found wrong: one audit row each. */
async function wrongPasswordChecks(username: string): Promise<number> {
  const result = await server.deps.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM audit_log
     WHERE action = 'session.login_failed' AND details->>'username' = $1 AND details->>'reason' = 'wrong_password'`,
    [username],
  );
  return result.rows[0]?.n ?? 0;
}

async function newUser(username: string): Promise<void> {
  await createUser(
    server.deps,
    { actor: SYSTEM_ACTOR },
    { username, displayName: '周办事', password: `${username}-password`, role: 'legal' },
  );
}

function expectLimited(response: TestResponse): void {
  expect(response.status).toBe(429);
  expect(response.body.error.code).toBe('LOGIN_RATE_LIMITED');
  expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
}

beforeAll(async () => {
  server = await startTestServer({ clock, env: { TRUST_PROXY: 'loopback' } });
});
afterAll(() => server?.close());
beforeEach(async () => {
  // A fresh window for every test; known addresses are set up by the tests that need them.
  clock.set(new Date(clock.now().getTime() + 60 * 60_000).toISOString());
  await server.deps.db.query('DELETE FROM login_known_addresses');
});

describe('parallel guesses', () => {
  it('checks at most 5 passwords out of 30 parallel guesses for one user from one address', async () => {
    await newUser('parallel_target');
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, index) => attempt(ATTACKER, 'parallel_target', `guess-number-${index}`)),
    );
    const failed = answers.filter((answer) => answer.status === 401);
    const limited = answers.filter((answer) => answer.status === 429);
    expect(failed.length + limited.length).toBe(30);
    expect(failed.length).toBeLessThanOrEqual(5);
    expect(await wrongPasswordChecks('parallel_target')).toBe(failed.length);
    for (const answer of limited) expectLimited(answer);
    expectLimited(await attempt(ATTACKER, 'parallel_target', 'parallel_target-password'));
  });

  it('holds the per-user limit when the guesses come from many addresses at once', async () => {
    await newUser('botnet_target');
    // Earlier failures close to the per-user limit, each address under the pair limit; the last
    // few are raced from fresh addresses, so only the shared per-user count can stop them.
    const earlier = MAX_FAILURES_PER_USERNAME - 5;
    for (let index = 0; index < earlier; index += 1) {
      await server.deps.db.query("INSERT INTO login_failures (username, ip, at) VALUES ('botnet_target', $1, $2)", [
        `192.0.2.${Math.floor(index / 4) + 1}`,
        clock.now(),
      ]);
    }
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, index) => attempt(`198.18.0.${index + 1}`, 'botnet_target', `guess-number-${index}`)),
    );
    const failed = answers.filter((answer) => answer.status === 401).length;
    expect(failed).toBeLessThanOrEqual(5);
    expect(await wrongPasswordChecks('botnet_target')).toBe(failed);
    for (const answer of answers.filter((each) => each.status !== 401)) expectLimited(answer);
  });

  it('holds across two server processes sharing one PostgreSQL database', async (context) => {
    const databaseUrl = server.config.databaseUrl;
    if (!databaseUrl) return context.skip('PGlite is one process only; set DATABASE_URL to run this on PostgreSQL');
    let second: RunningServer | undefined;
    try {
      second = await startServer({ config: server.config, clock });
      const other = second;
      await newUser('two_process_target');
      const answers = await Promise.all(
        Array.from({ length: 30 }, (_, index) =>
          attempt(ATTACKER, 'two_process_target', `guess-number-${index}`, index % 2 === 0 ? server : other),
        ),
      );
      const failed = answers.filter((answer) => answer.status === 401).length;
      expect(failed).toBeLessThanOrEqual(5);
      expect(await wrongPasswordChecks('two_process_target')).toBe(failed);
    } finally {
      await second?.close();
    }
  });
});

describe('an attacker cannot lock out the real user', () => {
  it('lets the clerk in from the usual desk after an attacker failed 10 times from elsewhere', async () => {
    expect((await attempt(DESK, 'legal', DEMO_PASSWORD)).status).toBe(200);
    const attacks: number[] = [];
    for (let index = 0; index < 10; index += 1) attacks.push((await attempt(ATTACKER, 'legal', `guess-${index}`)).status);
    expect(attacks).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429, 429]);
    const clerk = await attempt(DESK, 'legal', DEMO_PASSWORD);
    expect(clerk.status).toBe(200);
    expect(clerk.body.user.username).toBe('legal');
    // A colleague's new machine is not limited by the attacker's failures either, until the per-user limit.
    expect((await attempt('198.51.100.77', 'legal', DEMO_PASSWORD)).status).toBe(200);
    // The clerk's success does not give the attacker a fresh budget.
    expectLimited(await attempt(ATTACKER, 'legal', 'guess-again'));
  });

  it('refuses new addresses once the per-user limit is used up, but not the addresses the user logs in from', async () => {
    await newUser('hammered_user');
    expect((await attempt(DESK, 'hammered_user', 'hammered_user-password')).status).toBe(200);
    // The per-user limit minus one, spread over addresses that each stay under the pair limit.
    for (let index = 0; index < MAX_FAILURES_PER_USERNAME - 1; index += 1) {
      await server.deps.db.query("INSERT INTO login_failures (username, ip, at) VALUES ('hammered_user', $1, $2)", [
        `192.0.2.${Math.floor(index / 5) + 1}`,
        clock.now(),
      ]);
    }
    expect((await attempt('192.0.2.100', 'hammered_user', 'last-guess')).status).toBe(401);
    expectLimited(await attempt('192.0.2.200', 'hammered_user', 'hammered_user-password'));
    expect((await attempt(DESK, 'hammered_user', 'hammered_user-password')).status).toBe(200);
  });

  it('limits one user name from one address to 5 failures; the right password from there is refused too', async () => {
    await newUser('pair_user');
    for (let index = 0; index < 5; index += 1) {
      expect((await attempt(DESK, 'pair_user', `typo-${index}`)).status).toBe(401);
    }
    const limited = await attempt(DESK, 'pair_user', 'pair_user-password');
    expectLimited(limited);
    expect(limited.body.error.details).toEqual({ retryAfterSeconds: 15 * 60 });
    // Another address is a different pair.
    expect((await attempt('198.51.100.11', 'pair_user', 'pair_user-password')).status).toBe(200);
    clock.set(new Date(clock.now().getTime() + 15 * 60_000 + 1000).toISOString());
    expect((await attempt(DESK, 'pair_user', 'pair_user-password')).status).toBe(200);
  });

  it('limits one address to 20 failures whatever the user name, and no other address', async () => {
    for (let index = 0; index < 20; index += 1) {
      expect((await attempt(ATTACKER, `sprayed_${index}`, 'spray-password')).status).toBe(401);
    }
    expectLimited(await attempt(ATTACKER, 'supervisor', DEMO_PASSWORD));
    expect((await attempt(DESK, 'supervisor', DEMO_PASSWORD)).status).toBe(200);
  });

  it('a success clears the failures of its own user name and address only', async () => {
    await newUser('careless_user');
    for (let index = 0; index < 4; index += 1) expect((await attempt(DESK, 'careless_user', `typo-${index}`)).status).toBe(401);
    expect((await attempt(DESK, 'careless_user', 'careless_user-password')).status).toBe(200);
    for (let index = 0; index < 5; index += 1) expect((await attempt(DESK, 'careless_user', `typo-${index}`)).status).toBe(401);
    expectLimited(await attempt(DESK, 'careless_user', 'careless_user-password'));
  });

  it('records the forwarded address in the audit log and the throttle', async () => {
    await attempt('203.0.113.99', 'audited_guess', 'some-guess');
    const audit = await server.deps.db.query<{ ip: string }>(
      "SELECT ip FROM audit_log WHERE action = 'session.login_failed' AND details->>'username' = 'audited_guess'",
    );
    expect(audit.rows.map((row) => row.ip)).toEqual(['203.0.113.99']);
    const throttle = await server.deps.db.query<{ ip: string }>("SELECT ip FROM login_failures WHERE username = 'audited_guess'");
    expect(throttle.rows.map((row) => row.ip)).toEqual(['203.0.113.99']);
  });
});
