import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/startTestServer';
import type { TestClient } from '../support/TestClient';
import { DEMO_ACCOUNTS, updateUser, type StaffUser } from '../../platform/src/identity';
import { SYSTEM_ACTOR, type Actor } from '../../platform/src/kernel';

/** Long enough for the staff policy (12 characters). */
const PASSWORD = 'window-clerk-2026';

let server: TestServer;
let sysadmin: TestClient;
let scjg: string;

beforeAll(async () => {
  server = await startTestServer();
  sysadmin = await server.login('sysadmin');
  const found = await server.deps.db.query<{ code: string }>(
    "SELECT code FROM departments WHERE name LIKE '%市场监督管理局%' ORDER BY code LIMIT 1",
  );
  scjg = found.rows[0]?.code ?? '';
});
afterAll(() => server?.close());
// Every request comes from 127.0.0.1: failed logins of one test must not throttle the next.
beforeEach(async () => {
  await server.deps.db.query('DELETE FROM login_failures');
});

let serial = 0;
/** POST /api/users with a new window clerk of 市场监督管理局, unless `overrides` say otherwise. */
function postUser(overrides: Record<string, unknown> = {}) {
  serial += 1;
  return sysadmin.post('/api/users', {
    username: `clerk_${serial}`,
    displayName: `窗口${serial}`,
    role: 'window',
    departmentCode: scjg,
    password: PASSWORD,
    ...overrides,
  });
}

async function newClerk(overrides: Record<string, unknown> = {}): Promise<StaffUser> {
  const response = await postUser(overrides);
  expect(response.status, response.text).toBe(201);
  return response.body;
}

function loginAs(username: string, password = PASSWORD) {
  return server.anonymous().post('/api/session', { username, password });
}

async function auditOf(action: string, targetId: number) {
  const rows = await server.deps.db.query<{ username: string; details: any }>(
    "SELECT username, details FROM audit_log WHERE action = $1 AND target_type = 'user' AND target_id = $2 ORDER BY id",
    [action, String(targetId)],
  );
  return rows.rows;
}

const issuesOf = (body: any) => body.error.details.map((issue: { pointer: string; code: string }) => [issue.pointer, issue.code]);

const edit = (user: StaffUser, changes: Record<string, unknown> = {}) => ({
  revision: user.revision,
  displayName: user.displayName,
  role: user.role,
  departmentCode: user.departmentCode,
  isDisabled: user.isDisabled,
  ...changes,
});

describe('who may administer users', () => {
  it('answers 401 without a session and 403 for every role but sysadmin, reads and writes alike', async () => {
    const anonymous = await server.anonymous().get('/api/users');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe('AUTH_REQUIRED');
    for (const username of ['legal', 'supervisor', 'scjg_admin', 'scjg_window', 'citizen']) {
      const client = await server.login(username);
      const list = await client.get('/api/users');
      expect(list.status, username).toBe(403);
      expect(list.body.error.code).toBe('FORBIDDEN');
      const created = await client.post('/api/users', {
        username: 'sneaky',
        displayName: '越权',
        role: 'sysadmin',
        departmentCode: null,
        password: PASSWORD,
      });
      expect(created.status, username).toBe(403);
      const reset = await client.post('/api/users/1/password', { password: PASSWORD });
      expect(reset.status, username).toBe(403);
    }
    expect((await server.deps.db.query("SELECT 1 FROM users WHERE username = 'sneaky'")).rows).toHaveLength(0);
  });

  it('refuses a write without the CSRF header', async () => {
    const clerk = await newClerk();
    const response = await sysadmin.request('PUT', `/api/users/${clerk.id}`, edit(clerk, { displayName: '无令牌' }), {
      headers: { 'x-csrf-token': '' },
    });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('CSRF_INVALID');
    expect((await sysadmin.get(`/api/users/${clerk.id}`)).body.displayName).toBe(clerk.displayName);
  });
});

describe('GET /api/users', () => {
  it('lists the staff, not the citizens, by user name, with the total and never a password hash', async () => {
    const response = await sysadmin.get('/api/users?pageSize=100');
    expect(response.status).toBe(200);
    const names = response.body.items.map((user: StaffUser) => user.username);
    for (const account of DEMO_ACCOUNTS.filter((a) => a.role !== 'citizen')) expect(names).toContain(account.username);
    expect(names).not.toContain('citizen');
    expect(names).toEqual([...names].sort());
    expect(response.body.total).toBe(names.length);
    expect(response.text).not.toMatch(/password|scrypt/i);
  });

  it('filters by user name or display name, role, department and disabled, and pages', async () => {
    const byName = await sysadmin.get(`/api/users?q=${encodeURIComponent('王建')}`);
    expect(byName.body.items.map((user: StaffUser) => user.username)).toEqual(['scjg_admin']);
    const byUsername = await sysadmin.get('/api/users?q=SCJG_');
    expect(byUsername.body.total).toBeGreaterThanOrEqual(4);
    // `_` is a character to look for, not LIKE's wildcard.
    expect((await sysadmin.get('/api/users?q=sys_')).body.total).toBe(0);
    const chiefs = await sysadmin.get('/api/users?role=chief');
    expect(chiefs.body.items.map((user: StaffUser) => user.username)).toEqual(['scjg_chief']);
    const department = await sysadmin.get(`/api/users?department=${scjg}&role=reviewer`);
    expect(department.body.items).toHaveLength(1);
    expect(department.body.items[0]).toMatchObject({ username: 'scjg_reviewer', departmentCode: scjg });

    const disabled = await newClerk();
    await sysadmin.put(`/api/users/${disabled.id}`, edit(disabled, { isDisabled: true }));
    const onlyDisabled = await sysadmin.get('/api/users?disabled=true');
    expect(onlyDisabled.body.items.map((user: StaffUser) => user.id)).toEqual([disabled.id]);
    const enabled = await sysadmin.get('/api/users?disabled=false&pageSize=100');
    expect(enabled.body.items.map((user: StaffUser) => user.id)).not.toContain(disabled.id);

    const first = await sysadmin.get('/api/users?pageSize=2');
    const second = await sysadmin.get('/api/users?pageSize=2&page=2');
    expect(first.body).toMatchObject({ page: 1, pageSize: 2 });
    expect(first.body.items).toHaveLength(2);
    expect(second.body.items[0].username > first.body.items[1].username).toBe(true);
  });

  it('refuses a malformed filter with 400', async () => {
    for (const query of ['role=citizen', 'disabled=yes', 'pageSize=101', 'department=abc', 'sort=name']) {
      const response = await sysadmin.get(`/api/users?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.body.error.code).toBe('BAD_QUERY');
    }
  });
});

describe('GET /api/users/{id}', () => {
  it('answers one account; 404 for an unknown id and for a citizen', async () => {
    const clerk = await newClerk();
    const response = await sysadmin.get(`/api/users/${clerk.id}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual(clerk);
    const citizen = await server.deps.db.query<{ id: number }>("SELECT id FROM users WHERE role = 'citizen' LIMIT 1");
    for (const id of [999999, citizen.rows[0]?.id]) {
      const missing = await sysadmin.get(`/api/users/${id}`);
      expect(missing.status).toBe(404);
      expect(missing.body.error.code).toBe('USER_NOT_FOUND');
    }
    expect((await sysadmin.get('/api/users/0')).status).toBe(400);
  });
});

describe('POST /api/users', () => {
  it('creates an account that logs in with its initial password, audited', async () => {
    const clerk = await newClerk({ displayName: '  刘新  ' });
    expect(clerk).toMatchObject({
      role: 'window',
      displayName: '刘新',
      departmentCode: scjg,
      departmentName: expect.stringContaining('市场监督管理局'),
      isDisabled: false,
      revision: 1,
    });
    const login = await loginAs(clerk.username);
    expect(login.status).toBe(200);
    expect(login.body.user).toMatchObject({ id: clerk.id, role: 'window' });
    const audit = await auditOf('user.create', clerk.id);
    expect(audit).toEqual([
      { username: 'sysadmin', details: { username: clerk.username, role: 'window', departmentCode: scjg } },
    ]);
  });

  it('holds the CLI’s rules: every field problem at once, with pointers', async () => {
    const response = await postUser({
      username: '1bad',
      displayName: '   ',
      role: 'reviewer',
      departmentCode: null,
      password: 'short',
    });
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(issuesOf(response.body)).toEqual([
      ['/username', 'user.username'],
      ['/displayName', 'user.display_name'],
      ['/password', 'user.password_too_short'],
      ['/departmentCode', 'user.department_required'],
    ]);
    const centreWide = await postUser({ username: 'legal_two', role: 'legal' });
    expect(issuesOf(centreWide.body)).toEqual([['/departmentCode', 'user.department_not_allowed']]);
  });

  it('answers 404 for an unknown department, 409 for a taken name, 422 for the citizen role', async () => {
    const unknown = await postUser({ username: 'lost_clerk', departmentCode: '11439901MB0000000X' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('DEPARTMENT_NOT_FOUND');
    const taken = await postUser({ username: 'legal', role: 'legal', departmentCode: null });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('USER_EXISTS');
    const citizen = await postUser({ username: 'citizen_two', role: 'citizen', departmentCode: null });
    expect(citizen.status).toBe(422);
    expect(citizen.body.error.details[0].pointer).toBe('/role');
  });
});

describe('PUT /api/users/{id}', () => {
  it('changes name, role and department, bumping the revision, audited with what changed', async () => {
    const clerk = await newClerk();
    const response = await sysadmin.put(
      `/api/users/${clerk.id}`,
      edit(clerk, { displayName: '刘审核', role: 'supervisor', departmentCode: null }),
    );
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ displayName: '刘审核', role: 'supervisor', departmentCode: null, revision: 2 });
    expect((await sysadmin.get(`/api/users/${clerk.id}`)).body).toEqual(response.body);
    const [audit] = await auditOf('user.update', clerk.id);
    expect(audit?.details.changes).toEqual({
      displayName: { from: clerk.displayName, to: '刘审核' },
      role: { from: 'window', to: 'supervisor' },
      departmentCode: { from: scjg, to: null },
    });
  });

  it('refuses a stale revision with 409 and the current account, changing nothing', async () => {
    const clerk = await newClerk();
    const first = await sysadmin.put(`/api/users/${clerk.id}`, edit(clerk, { displayName: '第一次' }));
    expect(first.status).toBe(200);
    const stale = await sysadmin.put(`/api/users/${clerk.id}`, edit(clerk, { displayName: '第二次' }));
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('USER_REVISION_CONFLICT');
    expect(stale.body.error.details.current).toMatchObject({ displayName: '第一次', revision: 2 });
    expect((await sysadmin.get(`/api/users/${clerk.id}`)).body.displayName).toBe('第一次');
  });

  it('checks the role and department rule and the department’s existence', async () => {
    const clerk = await newClerk();
    const noDepartment = await sysadmin.put(`/api/users/${clerk.id}`, edit(clerk, { departmentCode: null }));
    expect(issuesOf(noDepartment.body)).toEqual([['/departmentCode', 'user.department_required']]);
    const unknown = await sysadmin.put(`/api/users/${clerk.id}`, edit(clerk, { departmentCode: '11439901MB0000000X' }));
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('DEPARTMENT_NOT_FOUND');
    const missing = await sysadmin.put('/api/users/999999', edit(clerk));
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('USER_NOT_FOUND');
  });

  it('disabling ends the user’s sessions at once and refuses their login; enabling lets them back', async () => {
    const clerk = await newClerk();
    const session = server.anonymous();
    await session.login(clerk.username, PASSWORD);
    expect((await session.get('/api/session')).body.user.id).toBe(clerk.id);

    const disabled = await sysadmin.put(`/api/users/${clerk.id}`, edit(clerk, { isDisabled: true }));
    expect(disabled.status).toBe(200);
    expect(disabled.body.isDisabled).toBe(true);
    const sessions = await server.deps.db.query('SELECT 1 FROM sessions WHERE user_id = $1', [clerk.id]);
    expect(sessions.rows).toHaveLength(0);
    expect((await session.get('/api/session')).body.user).toBeNull();
    const refused = await loginAs(clerk.username);
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('LOGIN_FAILED');
    expect((await auditOf('user.disable', clerk.id))[0]?.details).toMatchObject({ sessionsEnded: 1 });

    const enabled = await sysadmin.put(`/api/users/${clerk.id}`, edit(disabled.body, { isDisabled: false }));
    expect(enabled.body).toMatchObject({ isDisabled: false, revision: 3 });
    expect((await loginAs(clerk.username)).status).toBe(200);
    expect(await auditOf('user.enable', clerk.id)).toHaveLength(1);
  });

  it('refuses a sysadmin disabling themself or giving up the role (USER_SELF_LOCKOUT)', async () => {
    const me = (await sysadmin.get('/api/session')).body.user;
    const self = (await sysadmin.get(`/api/users/${me.id}`)).body as StaffUser;
    for (const changes of [{ isDisabled: true }, { role: 'legal' }]) {
      const response = await sysadmin.put(`/api/users/${self.id}`, edit(self, changes));
      expect(response.status).toBe(409);
      expect(response.body.error.code).toBe('USER_SELF_LOCKOUT');
    }
    const renamed = await sysadmin.put(`/api/users/${self.id}`, edit(self, { displayName: '赵系统' }));
    expect(renamed.status).toBe(200);
    await sysadmin.put(`/api/users/${self.id}`, edit(renamed.body, { displayName: self.displayName }));
    expect((await sysadmin.get('/api/users?role=sysadmin&disabled=false')).body.total).toBeGreaterThanOrEqual(1);
  });

  it('lets one sysadmin demote another, but never the last active one (LAST_SYSADMIN)', async () => {
    const second = await newClerk({ role: 'sysadmin', departmentCode: null });
    const demoted = await sysadmin.put(`/api/users/${second.id}`, edit(second, { role: 'legal' }));
    expect(demoted.status).toBe(200);
    // The demoted one's request was already under way as a sysadmin (a race the lock decides):
    // demoting the only sysadmin left is refused.
    const stale: Actor = {
      kind: 'user',
      userId: second.id,
      username: second.username,
      displayName: '',
      role: 'sysadmin',
      departmentCode: null,
    };
    const only = (await sysadmin.get('/api/users?role=sysadmin&disabled=false')).body.items as StaffUser[];
    expect(only).toHaveLength(1);
    const last = only[0] as StaffUser;
    await expect(
      updateUser(server.deps, { actor: stale }, { id: last.id, ...edit(last, { isDisabled: true }) }),
    ).rejects.toMatchObject({
      code: 'LAST_SYSADMIN',
    });
    await expect(
      updateUser(server.deps, { actor: SYSTEM_ACTOR }, { id: last.id, ...edit(last, { role: 'supervisor' }) }),
    ).rejects.toMatchObject({
      code: 'LAST_SYSADMIN',
    });
  });
});

describe('POST /api/users/{id}/password', () => {
  it('sets a new password, ends the user’s sessions, audited; the old password no longer works', async () => {
    const clerk = await newClerk();
    const session = server.anonymous();
    await session.login(clerk.username, PASSWORD);
    const response = await sysadmin.post(`/api/users/${clerk.id}/password`, { password: 'a-new-password-42' });
    expect(response.status).toBe(204);
    expect((await session.get('/api/session')).body.user).toBeNull();
    expect((await loginAs(clerk.username)).status).toBe(401);
    expect((await loginAs(clerk.username, 'a-new-password-42')).status).toBe(200);
    expect(await auditOf('user.password_set', clerk.id)).toEqual([
      { username: 'sysadmin', details: { username: clerk.username, sessionsEnded: 1 } },
    ]);
    // Not an edit of the account: a form opened before can still be saved.
    expect((await sysadmin.get(`/api/users/${clerk.id}`)).body.revision).toBe(clerk.revision);
  });

  it('holds the password policy and answers 404 for an unknown user', async () => {
    const clerk = await newClerk();
    const short = await sysadmin.post(`/api/users/${clerk.id}/password`, { password: 'short' });
    expect(short.status).toBe(422);
    expect(issuesOf(short.body)).toEqual([['/password', 'user.password_too_short']]);
    const long = await sysadmin.post(`/api/users/${clerk.id}/password`, { password: 'x'.repeat(257) });
    expect(long.status).toBe(422);
    expect(long.body.error.details[0].pointer).toBe('/password');
    expect((await loginAs(clerk.username)).status).toBe(200);
    const missing = await sysadmin.post('/api/users/999999/password', { password: 'a-new-password-42' });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('USER_NOT_FOUND');
  });
});
