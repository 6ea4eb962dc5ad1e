import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, DEMO_PASSWORD, type TestServer } from '../support/startTestServer';
import { mutableClock } from '../support/mutableClock';
import { TestClient } from '../support/TestClient';
import { createUser, DEMO_ACCOUNTS } from '../../platform/src/identity';
import { ANONYMOUS, SYSTEM_ACTOR, type Actor } from '../../platform/src/kernel';

const START = '2026-03-02T01:00:00.000Z';
const SESSION_MINUTES = 30;
const SESSION_MAX_HOURS = 2;
const clock = mutableClock(START);
let server: TestServer;

function advance(minutes: number): void {
  clock.set(new Date(clock.now().getTime() + minutes * 60_000).toISOString());
}

function sessionCookie(response: { headers: Headers }): string | undefined {
  return response.headers.getSetCookie().find((cookie) => cookie.startsWith('mf_session='));
}

async function rawFetch(
  path: string,
  init: RequestInit & { cookie?: string } = {},
): Promise<{ status: number; body: any; headers: Headers }> {
  const headers = new Headers(init.headers);
  if (init.cookie) headers.set('cookie', init.cookie);
  const response = await fetch(server.url + path, { ...init, headers });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: response.status, body, headers: response.headers };
}

async function scjgCode(): Promise<string> {
  const result = await server.deps.db.query<{ code: string }>(
    "SELECT code FROM departments WHERE name LIKE '%市场监督管理局%' ORDER BY code LIMIT 1",
  );
  const code = result.rows[0]?.code;
  if (!code) throw new Error('no 市场监督管理局 seeded');
  return code;
}

async function auditRows(action: string, username: string) {
  const result = await server.deps.db.query<{
    action: string;
    username: string | null;
    target_id: string | null;
    details: any;
    ip: string | null;
  }>(
    `SELECT action, username, target_id, details, ip FROM audit_log
     WHERE action = $1 AND (username = $2 OR details->>'username' = $2) ORDER BY id`,
    [action, username],
  );
  return result.rows;
}

beforeAll(async () => {
  server = await startTestServer({
    clock,
    env: { SESSION_MINUTES: String(SESSION_MINUTES), SESSION_MAX_HOURS: String(SESSION_MAX_HOURS) },
  });
});
afterAll(() => server?.close());
// Every request comes from 127.0.0.1, so the per-address limit would otherwise leak between tests.
beforeEach(async () => {
  await server.deps.db.query('DELETE FROM login_failures');
  await server.deps.db.query('DELETE FROM login_known_addresses');
});

describe('POST /api/session (login)', () => {
  it('logs in with the right password and returns the user and a CSRF token', async () => {
    const client = server.anonymous();
    const response = await client.post('/api/session', { username: 'legal', password: DEMO_PASSWORD });
    expect(response.status).toBe(200);
    expect(response.body.user).toEqual({
      id: expect.any(Number),
      username: 'legal',
      displayName: expect.any(String),
      role: 'legal',
      departmentCode: null,
      departmentName: null,
    });
    expect(response.body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(response.body)).not.toMatch(/password|scrypt/i);
  });

  it('sets an HttpOnly, SameSite=Lax session cookie with a random token that is stored only as a hash', async () => {
    const response = await server.anonymous().post('/api/session', { username: 'legal', password: DEMO_PASSWORD });
    const cookie = sessionCookie(response);
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).toMatch(/; Path=\//i);
    expect(cookie).not.toMatch(/; Secure/i); // not production
    const token = /^mf_session=([^;]*)/.exec(cookie ?? '')?.[1] ?? '';
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await server.deps.db.query('SELECT 1 FROM sessions WHERE token_hash = $1', [token]);
    expect(stored.rows).toHaveLength(0);
  });

  it('accepts the user name in any case and with surrounding spaces', async () => {
    const response = await server.anonymous().post('/api/session', { username: '  Legal ', password: DEMO_PASSWORD });
    expect(response.status).toBe(200);
    expect(response.body.user.username).toBe('legal');
  });

  it('answers a wrong password, an unknown user and an inactive user alike with 401 LOGIN_FAILED', async () => {
    await createUser(
      server.deps,
      { actor: SYSTEM_ACTOR },
      {
        username: 'retired_clerk',
        displayName: '钱退休',
        password: 'retired-clerk-pass',
        role: 'supervisor',
      },
    );
    await server.deps.db.query("UPDATE users SET is_active = false WHERE username = 'retired_clerk'");
    const answers = [
      await server.anonymous().post('/api/session', { username: 'legal', password: 'not-the-password' }),
      await server.anonymous().post('/api/session', { username: 'nobody_here', password: DEMO_PASSWORD }),
      await server.anonymous().post('/api/session', { username: 'retired_clerk', password: 'retired-clerk-pass' }),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(401);
      expect(answer.body.error.code).toBe('LOGIN_FAILED');
      expect(sessionCookie(answer)).toBeUndefined();
    }
    expect(new Set(answers.map((answer) => answer.body.error.message)).size).toBe(1);
  });

  it('rejects malformed bodies with stable codes and field pointers, never 500', async () => {
    const client = server.anonymous();
    const cases: { body: unknown; contentType?: string; status: number; code: string; pointer?: string }[] = [
      { body: {}, status: 422, code: 'VALIDATION_FAILED', pointer: '/username' },
      { body: { username: 'legal' }, status: 422, code: 'VALIDATION_FAILED', pointer: '/password' },
      {
        body: { username: 'legal', password: DEMO_PASSWORD, role: 'sysadmin' },
        status: 422,
        code: 'VALIDATION_FAILED',
        pointer: '/role',
      },
      { body: { username: 42, password: DEMO_PASSWORD }, status: 422, code: 'VALIDATION_FAILED', pointer: '/username' },
      {
        body: { username: 'legal', password: ['matterflow-demo'] },
        status: 422,
        code: 'VALIDATION_FAILED',
        pointer: '/password',
      },
      { body: { username: 'legal', password: 'x'.repeat(10_000) }, status: 422, code: 'VALIDATION_FAILED', pointer: '/password' },
      { body: { username: '', password: '' }, status: 422, code: 'VALIDATION_FAILED', pointer: '/username' },
      { body: [], status: 422, code: 'VALIDATION_FAILED' },
      // express.json is strict: a top-level scalar is not a JSON request body.
      { body: 'null', status: 400, code: 'BAD_JSON' },
      { body: '"legal"', status: 400, code: 'BAD_JSON' },
      { body: '{"username": "legal", ', status: 400, code: 'BAD_JSON' },
      {
        body: 'username=legal&password=x',
        contentType: 'application/x-www-form-urlencoded',
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
      },
    ];
    for (const { body, contentType, status, code, pointer } of cases) {
      const response = await client.request('POST', '/api/session', body, contentType ? { contentType } : {});
      expect(response.status, JSON.stringify(body)).toBe(status);
      expect(response.body.error.code, JSON.stringify(body)).toBe(code);
      if (pointer) {
        expect(response.body.error.details, JSON.stringify(body)).toContainEqual(
          expect.objectContaining({ pointer, code: expect.any(String), message: expect.any(String) }),
        );
      }
    }
    const empty = await rawFetch('/api/session', { method: 'POST' });
    expect(empty.status).toBe(422);
    expect(empty.body.error.code).toBe('VALIDATION_FAILED');
  });
});

describe('login rate limit', () => {
  it('refuses a user name from one address after 5 failures in 15 minutes with 429 and Retry-After, even with the right password', async () => {
    await createUser(
      server.deps,
      { actor: SYSTEM_ACTOR },
      {
        username: 'target_user',
        displayName: '吴目标',
        password: 'target-user-pass',
        role: 'legal',
      },
    );
    const client = server.anonymous();
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const response = await client.post('/api/session', { username: 'target_user', password: `guess-${attempt}` });
      expect(response.status, `attempt ${attempt}`).toBe(401);
      advance(1);
    }
    const limited = await client.post('/api/session', { username: 'target_user', password: 'target-user-pass' });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('LOGIN_RATE_LIMITED');
    const retryAfter = Number(limited.headers.get('retry-after'));
    // The first failure was 5 minutes ago: it ages out in 10 minutes.
    expect(retryAfter).toBe(10 * 60);
    expect(limited.body.error.details).toEqual({ retryAfterSeconds: retryAfter });
    expect(sessionCookie(limited)).toBeUndefined();

    // Other users from the same address are not affected by one name's limit.
    expect((await client.post('/api/session', { username: 'supervisor', password: DEMO_PASSWORD })).status).toBe(200);

    advance(10);
    const afterWindow = await server.anonymous().post('/api/session', { username: 'target_user', password: 'target-user-pass' });
    expect(afterWindow.status).toBe(200);
  });

  it('does not count a success: failures start over after a good login', async () => {
    const client = server.anonymous();
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      expect((await client.post('/api/session', { username: 'citizen', password: 'wrong-password' })).status).toBe(401);
    }
    expect((await client.post('/api/session', { username: 'citizen', password: DEMO_PASSWORD })).status).toBe(200);
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      expect((await client.post('/api/session', { username: 'citizen', password: 'wrong-password' })).status).toBe(401);
    }
    expect((await client.post('/api/session', { username: 'citizen', password: DEMO_PASSWORD })).status).toBe(429);
  });

  it('refuses an address after 20 failures in 15 minutes, whatever the user name', async () => {
    const client = server.anonymous();
    for (let attempt = 1; attempt <= 20; attempt += 1) {
      const response = await client.post('/api/session', { username: `sprayed_${attempt}`, password: 'spray-password' });
      expect(response.status, `attempt ${attempt}`).toBe(401);
    }
    const limited = await client.post('/api/session', { username: 'legal', password: DEMO_PASSWORD });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('LOGIN_RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    advance(16);
    expect((await client.post('/api/session', { username: 'legal', password: DEMO_PASSWORD })).status).toBe(200);
  });
});

describe('GET and DELETE /api/session', () => {
  it('reports no user without a session', async () => {
    const response = await server.anonymous().get('/api/session');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ user: null });
  });

  it('reports the user and the CSRF token of the session', async () => {
    const client = await server.login('scjg_window');
    const response = await client.get('/api/session');
    expect(response.status).toBe(200);
    expect(response.body.user).toMatchObject({ username: 'scjg_window', role: 'window', departmentCode: await scjgCode() });
    expect(response.body.csrfToken).toBe(client.csrfToken);
  });

  it('logs out with 204, clears the cookie and invalidates the token on the server', async () => {
    const client = new TestClient(server.url);
    const login = await client.login('supervisor', DEMO_PASSWORD);
    const cookie = (sessionCookie(login) ?? '').split(';')[0] ?? '';
    const response = await client.delete('/api/session');
    expect(response.status).toBe(204);
    expect(sessionCookie(response)).toMatch(/^mf_session=;.*Expires=Thu, 01 Jan 1970/i);
    expect((await client.get('/api/session')).body).toEqual({ user: null });
    // A copy of the cookie kept elsewhere is worthless now.
    const replay = await rawFetch('/api/session', { cookie });
    expect(replay.body).toEqual({ user: null });
  });

  it('treats an unknown or garbled cookie as anonymous and clears it', async () => {
    for (const value of ['not-a-token', 'A'.repeat(43), '%%%']) {
      const response = await rawFetch('/api/session', { cookie: `mf_session=${value}` });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ user: null });
      expect(response.headers.getSetCookie().some((c) => c.startsWith('mf_session=;'))).toBe(true);
      // Public reads answer anonymously too: the header tells a staff screen its session is gone.
      expect(response.headers.get('session-ended')).toBe('1');
    }
    expect((await rawFetch('/api/session', {})).headers.get('session-ended')).toBeNull();
  });

  it('logging out without a session is harmless', async () => {
    const response = await server.anonymous().delete('/api/session');
    expect(response.status).toBe(204);
  });
});

describe('session expiry', () => {
  it('slides while the session is used and ends after the idle time', async () => {
    const client = await server.login('legal');
    advance(SESSION_MINUTES - 5);
    expect((await client.get('/api/session')).body.user?.username).toBe('legal');
    advance(SESSION_MINUTES - 5);
    expect((await client.get('/api/session')).body.user?.username).toBe('legal');
    advance(SESSION_MINUTES + 1);
    expect((await client.get('/api/session')).body).toEqual({ user: null });
  });

  it('ends a busy session at the absolute limit, however recently it was used', async () => {
    const client = await server.login('legal');
    const startedAt = clock.now().getTime();
    const absoluteEnd = startedAt + SESSION_MAX_HOURS * 60 * 60_000;
    const expiry = async () =>
      new Date(
        (await server.deps.db.query<{ expires_at: Date }>('SELECT expires_at FROM sessions ORDER BY created_at DESC LIMIT 1'))
          .rows[0]?.expires_at ?? 0,
      ).getTime();
    // Used every 20 minutes: the idle timeout alone would keep it alive for ever.
    while (clock.now().getTime() + 20 * 60_000 < absoluteEnd) {
      advance(20);
      expect((await client.get('/api/session')).body.user?.username).toBe('legal');
      expect(await expiry()).toBeLessThanOrEqual(absoluteEnd);
    }
    clock.set(new Date(absoluteEnd - 60_000).toISOString());
    expect((await client.get('/api/session')).body.user?.username).toBe('legal');
    // The sliding expiry stops at the absolute end instead of moving 30 minutes past it.
    expect(await expiry()).toBe(absoluteEnd);
    clock.set(new Date(absoluteEnd).toISOString());
    expect((await client.get('/api/session')).body).toEqual({ user: null });
  });

  it('writes the sliding expiry at most once a minute', async () => {
    const client = await server.login('legal');
    // This client's own session: other tests (in any order) leave sessions with other clock times.
    const token = /mf_session=([^;]+)/.exec(client.cookieHeader())?.[1] ?? '';
    const tokenHash = createHash('sha256').update(token).digest('hex');
    const expiry = async () =>
      (await server.deps.db.query<{ expires_at: Date }>('SELECT expires_at FROM sessions WHERE token_hash = $1', [tokenHash]))
        .rows[0]?.expires_at;
    const first = await expiry();
    clock.set(new Date(clock.now().getTime() + 30_000).toISOString());
    await client.get('/api/session');
    expect(await expiry()).toEqual(first);
    clock.set(new Date(clock.now().getTime() + 40_000).toISOString());
    await client.get('/api/session');
    expect(new Date((await expiry()) ?? 0).getTime()).toBe(clock.now().getTime() + SESSION_MINUTES * 60_000);
  });

  it('ends the sessions of a deactivated user at once', async () => {
    await createUser(
      server.deps,
      { actor: SYSTEM_ACTOR },
      {
        username: 'leaving_staff',
        displayName: '郑离职',
        password: 'leaving-staff-pass',
        role: 'supervisor',
      },
    );
    const client = new TestClient(server.url);
    await client.login('leaving_staff', 'leaving-staff-pass');
    await server.deps.db.query("UPDATE users SET is_active = false WHERE username = 'leaving_staff'");
    expect((await client.get('/api/session')).body).toEqual({ user: null });
  });
});

describe('CSRF protection', () => {
  it('refuses a cookie-authenticated write without the X-CSRF-Token header', async () => {
    const client = await server.login('legal');
    const token = client.csrfToken;
    client.csrfToken = undefined;
    for (const [method, path] of [
      ['POST', '/api/matters'],
      ['PUT', '/api/matters/X/draft'],
      ['DELETE', '/api/session'],
    ] as const) {
      const response = await client.request(method, path, method === 'DELETE' ? undefined : { document: {} });
      expect(response.status, `${method} ${path}`).toBe(403);
      expect(response.body.error.code).toBe('CSRF_INVALID');
    }
    client.csrfToken = token;
    expect((await client.get('/api/session')).body.user?.username).toBe('legal');
  });

  it("refuses a wrong token, and another session's token", async () => {
    const client = await server.login('legal');
    const other = await server.login('scjg_admin');
    for (const wrong of ['wrong', '', `${client.csrfToken}x`, other.csrfToken ?? '']) {
      const response = await client.request('DELETE', '/api/session', undefined, { headers: { 'x-csrf-token': wrong } });
      expect(response.status, wrong).toBe(403);
      expect(response.body.error.code).toBe('CSRF_INVALID');
    }
    expect((await client.get('/api/session')).body.user?.username).toBe('legal');
    expect((await client.delete('/api/session')).status).toBe(204);
  });

  it('does not apply to reads, to the login itself, or to requests without a session', async () => {
    const client = await server.login('legal');
    client.csrfToken = undefined;
    expect((await client.get('/api/session')).status).toBe(200);
    expect((await client.post('/api/session', { username: 'legal', password: DEMO_PASSWORD })).status).toBe(200);
    const anonymous = await server.anonymous().post('/api/matters', { document: {} });
    expect(anonymous.body.error?.code).not.toBe('CSRF_INVALID');
  });
});

describe('demo accounts', () => {
  it.each(DEMO_ACCOUNTS.map((account) => [account.username, account] as const))(
    '%s logs in with its role and department',
    async (_name, account) => {
      const client = await server.login(account.username);
      const { user } = (await client.get('/api/session')).body;
      expect(user.role).toBe(account.role);
      expect(user.displayName).toMatch(/\p{Script=Han}/u);
      if (account.isInDemoDepartment) {
        expect(user.departmentCode).toBe(await scjgCode());
        expect(user.departmentName).toContain('市场监督管理局');
      } else {
        expect(user.departmentCode).toBeNull();
      }
    },
  );

  it('covers every role once', () => {
    expect(new Set(DEMO_ACCOUNTS.map((account) => account.role)).size).toBe(8);
  });

  it('are seeded idempotently', async () => {
    const { seedDemoAccounts } = await import('../../platform/src/identity');
    const before = await server.deps.db.query('SELECT id, password_hash FROM users ORDER BY id');
    await seedDemoAccounts(server.deps);
    const after = await server.deps.db.query('SELECT id, password_hash FROM users ORDER BY id');
    expect(after.rows).toEqual(before.rows);
  });
});

describe('audit', () => {
  it('records successful and failed logins, without the password', async () => {
    await server.login('supervisor');
    await server.anonymous().post('/api/session', { username: 'supervisor', password: 'secret-guess-123' });
    await server.anonymous().post('/api/session', { username: 'ghost_user', password: 'secret-guess-456' });

    const logins = await auditRows('session.login', 'supervisor');
    expect(logins.length).toBeGreaterThan(0);
    expect(logins.at(-1)).toMatchObject({ username: 'supervisor', ip: expect.stringContaining('127.0.0.1') });

    const failed = await auditRows('session.login_failed', 'supervisor');
    expect(failed.at(-1)).toMatchObject({ username: 'anonymous', details: { username: 'supervisor', reason: 'wrong_password' } });
    const unknown = await auditRows('session.login_failed', 'ghost_user');
    expect(unknown.at(-1)).toMatchObject({ target_id: null, details: { username: 'ghost_user', reason: 'unknown_user' } });
    expect(JSON.stringify([...failed, ...unknown])).not.toContain('secret-guess');
  });

  it('records logouts', async () => {
    const client = await server.login('citizen');
    await client.delete('/api/session');
    expect((await auditRows('session.logout', 'citizen')).length).toBeGreaterThan(0);
  });
});

describe('createUser', () => {
  const base = { displayName: '新用户', password: 'a-long-password-1', role: 'legal' } as const;
  const legal: Actor = { kind: 'user', userId: 2, username: 'legal', displayName: '李明华', role: 'legal', departmentCode: null };

  async function codeOf(work: Promise<unknown>): Promise<string | undefined> {
    try {
      await work;
      return undefined;
    } catch (error) {
      return (error as { code?: string }).code;
    }
  }

  it('is for system administrators only', async () => {
    expect(await codeOf(createUser(server.deps, { actor: ANONYMOUS }, { ...base, username: 'by_anonymous' }))).toBe(
      'AUTH_REQUIRED',
    );
    expect(await codeOf(createUser(server.deps, { actor: legal }, { ...base, username: 'by_legal' }))).toBe('FORBIDDEN');
  });

  it('validates the input and reports every problem with a pointer', async () => {
    try {
      await createUser(
        server.deps,
        { actor: SYSTEM_ACTOR },
        {
          username: '9bad',
          displayName: ' ',
          password: 'short',
          role: 'king',
        },
      );
      expect.unreachable();
    } catch (error) {
      const { code, details } = error as { code: string; details: { pointer: string }[] };
      expect(code).toBe('VALIDATION_FAILED');
      expect(details.map((issue) => issue.pointer).sort()).toEqual(['/displayName', '/password', '/role', '/username']);
    }
    expect(
      await codeOf(createUser(server.deps, { actor: SYSTEM_ACTOR }, { ...base, username: 'no_dept_window', role: 'window' })),
    ).toBe('VALIDATION_FAILED');
    expect(
      await codeOf(
        createUser(
          server.deps,
          { actor: SYSTEM_ACTOR },
          { ...base, username: 'legal_in_dept', departmentCode: await scjgCode() },
        ),
      ),
    ).toBe('VALIDATION_FAILED');
    expect(
      await codeOf(
        createUser(
          server.deps,
          { actor: SYSTEM_ACTOR },
          {
            ...base,
            username: 'lost_window',
            role: 'window',
            departmentCode: '11439901MB9999999X',
          },
        ),
      ),
    ).toBe('DEPARTMENT_NOT_FOUND');
  });

  it('refuses a taken user name and audits a creation', async () => {
    expect(await codeOf(createUser(server.deps, { actor: SYSTEM_ACTOR }, { ...base, username: 'legal' }))).toBe('USER_EXISTS');
    const user = await createUser(
      server.deps,
      { actor: SYSTEM_ACTOR },
      {
        ...base,
        username: 'new_reviewer',
        role: 'reviewer',
        departmentCode: await scjgCode(),
      },
    );
    expect(user).toMatchObject({
      username: 'new_reviewer',
      role: 'reviewer',
      departmentName: expect.stringContaining('市场监督管理局'),
    });
    const audit = await server.deps.db.query<{ username: string; target_id: string; details: any }>(
      "SELECT username, target_id, details FROM audit_log WHERE action = 'user.create' AND target_id = $1",
      [String(user.id)],
    );
    expect(audit.rows[0]).toMatchObject({ username: 'system', details: { username: 'new_reviewer', role: 'reviewer' } });
    expect((await new TestClient(server.url).login('new_reviewer', 'a-long-password-1')).status).toBe(200);
  });
});
