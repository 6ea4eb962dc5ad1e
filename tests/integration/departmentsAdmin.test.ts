import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/startTestServer';
import type { TestClient } from '../support/TestClient';
import { makeUscc, upsertDepartments, type Department } from '../../platform/src/departments';

let server: TestServer;
let sysadmin: TestClient;

beforeAll(async () => {
  server = await startTestServer();
  sysadmin = await server.login('sysadmin');
});
afterAll(() => server?.close());

let serial = 0;
/** A valid code of the demo county nobody seeded: organisation bodies 7700000N. */
function newCode(): string {
  serial += 1;
  return makeUscc({ prefix: '11', region: '439901', orgBody: `77${String(serial).padStart(6, '0')}` });
}

async function newDepartment(overrides: Record<string, unknown> = {}): Promise<Department> {
  const response = await sysadmin.post('/api/departments', {
    code: newCode(),
    name: `测试局${serial}`,
    shortName: null,
    region: '439901',
    ...overrides,
  });
  expect(response.status, response.text).toBe(201);
  return response.body;
}

const addReviewer = (departmentCode: string, username: string) =>
  sysadmin.post('/api/users', {
    username,
    displayName: '审核员',
    role: 'reviewer',
    departmentCode,
    password: 'staff-password-1',
  });

const edit = (department: Department, changes: Record<string, unknown> = {}) => ({
  name: department.name,
  shortName: department.shortName,
  region: department.region,
  isDisabled: department.isDisabled,
  ...changes,
});

const issuesOf = (body: any) => body.error.details.map((issue: { pointer: string; code: string }) => [issue.pointer, issue.code]);

async function auditOf(action: string, code: string) {
  const rows = await server.deps.db.query<{ username: string; details: any }>(
    "SELECT username, details FROM audit_log WHERE action = $1 AND target_type = 'department' AND target_id = $2 ORDER BY id",
    [action, code],
  );
  return rows.rows;
}

describe('who may administer departments', () => {
  it('answers 401 without a session, 403 for other roles and without the CSRF header', async () => {
    const body = { code: newCode(), name: '越权局', shortName: null, region: '439901' };
    const anonymous = await server.anonymous().post('/api/departments', body);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe('AUTH_REQUIRED');
    for (const username of ['scjg_admin', 'legal', 'supervisor']) {
      const client = await server.login(username);
      const response = await client.post('/api/departments', body);
      expect(response.status, username).toBe(403);
      expect(response.body.error.code).toBe('FORBIDDEN');
    }
    const noToken = await sysadmin.request('POST', '/api/departments', body, { headers: { 'x-csrf-token': '' } });
    expect(noToken.status).toBe(403);
    expect(noToken.body.error.code).toBe('CSRF_INVALID');
    expect((await server.deps.db.query('SELECT 1 FROM departments WHERE code = $1', [body.code])).rows).toHaveLength(0);
  });
});

describe('POST /api/departments', () => {
  it('creates a department that the public list shows, audited', async () => {
    const department = await newDepartment({ name: '  测试数据管理局 ', shortName: '数据局' });
    expect(department).toEqual({
      code: department.code,
      name: '测试数据管理局',
      shortName: '数据局',
      region: '439901',
      isDisabled: false,
    });
    const list = await server.anonymous().get('/api/departments');
    expect(list.body.items).toContainEqual(department);
    expect(await auditOf('department.create', department.code)).toEqual([
      { username: 'sysadmin', details: { name: '测试数据管理局', shortName: '数据局', region: '439901' } },
    ]);
  });

  it('checks the 统一社会信用代码 to its check character, the region and a unique name', async () => {
    const valid = newCode();
    const wrongCheck = valid.slice(0, 17) + (valid.endsWith('0') ? '1' : '0');
    const existing = (await server.anonymous().get('/api/departments')).body.items[0] as Department;
    const response = await sysadmin.post('/api/departments', {
      code: wrongCheck,
      name: existing.name,
      shortName: null,
      region: '439901',
    });
    expect(response.status).toBe(422);
    expect(issuesOf(response.body)).toEqual([
      ['/code', 'department.invalid'],
      ['/name', 'department.name_taken'],
    ]);
    const malformed = await sysadmin.post('/api/departments', {
      code: 'I1439901MB0000000X',
      name: '某局',
      shortName: null,
      region: '4399',
    });
    expect(malformed.status).toBe(422);
    expect(issuesOf(malformed.body)).toEqual(
      expect.arrayContaining([
        ['/code', 'schema.pattern'],
        ['/region', 'schema.pattern'],
      ]),
    );
  });

  it('answers 409 for a code that is already a department', async () => {
    const department = await newDepartment();
    const again = await sysadmin.post('/api/departments', {
      code: department.code,
      name: '另一个名字',
      shortName: null,
      region: '439901',
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('DEPARTMENT_EXISTS');
  });
});

describe('PUT /api/departments/{code}', () => {
  it('renames and moves a department, audited with what changed; the seed no longer renames it', async () => {
    const department = await newDepartment();
    const response = await sysadmin.put(
      `/api/departments/${department.code}`,
      edit(department, { name: '改名局', region: '439902' }),
    );
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ ...department, name: '改名局', region: '439902' });
    expect((await auditOf('department.update', department.code))[0]?.details.changes).toEqual({
      name: { from: department.name, to: '改名局' },
      region: { from: '439901', to: '439902' },
    });
    // What the start-up seed does with its file: an administrator's edit stands, an unedited row follows the file.
    const untouched = await newDepartment();
    await server.deps.db.query('UPDATE departments SET edited_at = NULL WHERE code = $1', [untouched.code]);
    await upsertDepartments(server.deps.db, [
      { code: department.code, name: '种子里的名字', shortName: null, region: '439901' },
      { code: untouched.code, name: '种子改的名字', shortName: null, region: '439901' },
    ]);
    const names = new Map(
      ((await server.anonymous().get('/api/departments')).body.items as Department[]).map((d) => [d.code, d.name]),
    );
    expect(names.get(department.code)).toBe('改名局');
    expect(names.get(untouched.code)).toBe('种子改的名字');
  });

  it('answers 404 for an unknown code, 400 for a malformed one, 422 for a taken name', async () => {
    const department = await newDepartment();
    const other = await newDepartment();
    const unknown = await sysadmin.put(`/api/departments/${newCode()}`, edit(department));
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('DEPARTMENT_NOT_FOUND');
    const malformed = await sysadmin.put('/api/departments/not-a-code', edit(department));
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('BAD_QUERY');
    const taken = await sysadmin.put(`/api/departments/${department.code}`, edit(department, { name: other.name }));
    expect(taken.status).toBe(422);
    expect(issuesOf(taken.body)).toEqual([['/name', 'department.name_taken']]);
  });

  it('disables a department: gone from the public list, kept with include=disabled, its staff stay, no new staff', async () => {
    const department = await newDepartment();
    const staff = await addReviewer(department.code, `staff_${serial}`);
    expect(staff.status).toBe(201);
    const disabled = await sysadmin.put(`/api/departments/${department.code}`, edit(department, { isDisabled: true }));
    expect(disabled.body.isDisabled).toBe(true);
    const codes = async (path: string) => ((await server.anonymous().get(path)).body.items as Department[]).map((d) => d.code);
    expect(await codes('/api/departments')).not.toContain(department.code);
    expect(await codes('/api/departments?include=disabled')).toContain(department.code);

    const kept = await sysadmin.get(`/api/users/${staff.body.id}`);
    expect(kept.body).toMatchObject({ departmentCode: department.code, isDisabled: false });
    const renamed = await sysadmin.put(`/api/users/${staff.body.id}`, {
      revision: kept.body.revision,
      displayName: '留任改名',
      role: 'reviewer',
      departmentCode: department.code,
      isDisabled: false,
    });
    expect(renamed.status).toBe(200);
    const newcomer = await addReviewer(department.code, `newcomer_${serial}`);
    expect(newcomer.status).toBe(422);
    expect(issuesOf(newcomer.body)).toEqual([['/departmentCode', 'user.department_disabled']]);

    const enabled = await sysadmin.put(`/api/departments/${department.code}`, edit(disabled.body, { isDisabled: false }));
    expect(enabled.body.isDisabled).toBe(false);
    expect(await codes('/api/departments')).toContain(department.code);
  });
});
