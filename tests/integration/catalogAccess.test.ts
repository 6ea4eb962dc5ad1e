import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, DEMO_PASSWORD, type TestServer } from '../support/startTestServer';
import { departmentCode, foodLicence } from '../support/matterFixtures';
import type { TestClient } from '../support/TestClient';
import { createUser } from '../../platform/src/identity';
import { SYSTEM_ACTOR, type Actor } from '../../platform/src/kernel';
import { createDraft, transitionMatter } from '../../platform/src/catalog';

/** Every role the catalog distinguishes, plus a dept_admin of another department. */
const ROLES = [
  'anonymous',
  'citizen',
  'scjg_window',
  'scjg_reviewer',
  'scjg_chief',
  'scjg_admin',
  'other_admin',
  'legal',
  'supervisor',
  'sysadmin',
] as const;
type Who = (typeof ROLES)[number];

let server: TestServer;
const clients = {} as Record<Who, TestClient>;
let counter = 100;
const nextSuffix = () => `00013102400${String(counter++).padStart(2, '0')}`;

beforeAll(async () => {
  server = await startTestServer();
  await createUser(
    server.deps,
    { actor: SYSTEM_ACTOR },
    {
      username: 'other_admin',
      displayName: '卫健局管理员',
      password: DEMO_PASSWORD,
      role: 'dept_admin',
      departmentCode: departmentCode('卫生健康'),
    },
  );
  for (const who of ROLES) clients[who] = who === 'anonymous' ? server.anonymous() : await server.login(who);
});
afterAll(() => server?.close());

/** Creates a matter as legal and brings it to `state`; returns its code. */
async function matterIn(state: 'draft' | 'in_review' | 'published'): Promise<string> {
  const doc = foodLicence({ suffix: nextSuffix() });
  expect((await clients.legal.post('/api/matters', { document: doc })).status).toBe(201);
  if (state !== 'draft')
    expect((await clients.legal.post(`/api/matters/${doc.code}/transitions`, { action: 'submit' })).status).toBe(200);
  if (state === 'published')
    expect((await clients.legal.post(`/api/matters/${doc.code}/transitions`, { action: 'publish' })).status).toBe(200);
  return doc.code;
}

const EDITORS: Who[] = ['scjg_admin', 'legal'];
const SCJG_STAFF: Who[] = ['scjg_window', 'scjg_reviewer', 'scjg_chief', 'scjg_admin'];
const CENTRE_WIDE: Who[] = ['legal', 'supervisor', 'sysadmin'];

/** The refusal each role gets from an editing endpoint of an 市场监管局 matter. */
function editRefusal(who: Who): [number, string] | undefined {
  if (EDITORS.includes(who)) return undefined;
  if (who === 'anonymous') return [401, 'AUTH_REQUIRED'];
  if (who === 'other_admin') return [403, 'DEPARTMENT_SCOPE'];
  return [403, 'FORBIDDEN'];
}

function expectOutcome(response: { status: number; body: any }, okStatus: number, refusal: [number, string] | undefined) {
  if (refusal) {
    expect(response.status).toBe(refusal[0]);
    expect(response.body.error.code).toBe(refusal[1]);
  } else {
    expect(response.status, JSON.stringify(response.body)).toBe(okStatus);
  }
}

describe.each(ROLES)('catalog endpoints as %s', (who) => {
  it('reads the published catalog: search, current version, guide, versions', async () => {
    const code = await matterIn('published');
    const client = clients[who];
    const search = await client.get(`/api/matters?code=${code}`);
    expect(search.status).toBe(200);
    expect(search.body.total).toBe(1);
    expect((await client.get(`/api/matters/${code}`)).status).toBe(200);
    expect((await client.get(`/api/matters/${code}/guide`)).status).toBe(200);
    expect((await client.get(`/api/matters/${code}/versions/1`)).status).toBe(200);
  });

  it('sees drafts only within its department or as a centre-wide role', async () => {
    const code = await matterIn('draft');
    const canSee = SCJG_STAFF.includes(who) || CENTRE_WIDE.includes(who);
    const version = await clients[who].get(`/api/matters/${code}/versions/1`);
    expect(version.status).toBe(canSee ? 200 : 404);
    const search = await clients[who].get(`/api/matters?code=${code}&status=draft`);
    expect(search.body.total).toBe(canSee ? 1 : 0);
    expect((await clients[who].get(`/api/matters/${code}/versions`)).status).toBe(canSee ? 200 : 404);
    expect((await clients[who].get(`/api/matters/${code}/diff?from=1&to=1`)).status).toBe(canSee ? 200 : 404);
    const current = await clients[who].get(`/api/matters/${code}`);
    expect(current.status).toBe(404);
    // Staff who may see the draft learn that it exists but is not in force; nobody else learns it exists.
    expect(current.body.error).toEqual(
      canSee
        ? { code: 'MATTER_NOT_IN_FORCE', message: expect.any(String), details: { code, latestVersion: 1, status: 'draft' } }
        : { code: 'MATTER_NOT_FOUND', message: '事项不存在', details: { code } },
    );
  });

  it('cannot tell an unpublished code from an unknown one without the right to see drafts', async () => {
    const code = await matterIn('in_review');
    const unknown = foodLicence({ suffix: nextSuffix() }).code;
    const canSee = SCJG_STAFF.includes(who) || CENTRE_WIDE.includes(who);
    for (const path of ['', '/versions', '/versions/1', '/versions/2', '/diff?from=1&to=2', '/guide']) {
      const existing = await clients[who].get(`/api/matters/${code}${path}`);
      const missing = await clients[who].get(`/api/matters/${unknown}${path}`);
      expect(missing.status, path).toBe(404);
      expect(missing.body.error).toEqual({ code: 'MATTER_NOT_FOUND', message: '事项不存在', details: { code: unknown } });
      if (canSee) continue;
      expect(existing.status, path).toBe(404);
      expect(existing.body.error, path).toEqual({ ...missing.body.error, details: { code } });
    }
  });

  it('tells a version that does not exist apart once the matter is public', async () => {
    const code = await matterIn('published');
    const response = await clients[who].get(`/api/matters/${code}/versions/2`);
    expect(response.status).toBe(404);
    expect(response.body.error).toMatchObject({ code: 'MATTER_VERSION_NOT_FOUND', details: { code, version: 2 } });
  });

  it('creates drafts only as an editor of the department', async () => {
    const doc = foodLicence({ suffix: nextSuffix() });
    expectOutcome(await clients[who].post('/api/matters', { document: doc }), 201, editRefusal(who));
  });

  it('saves drafts only as an editor of the department', async () => {
    const code = await matterIn('draft');
    const doc = foodLicence({ suffix: code.slice(18) });
    expectOutcome(await clients[who].put(`/api/matters/${code}/draft`, { revision: 1, document: doc }), 200, editRefusal(who));
  });

  it('submits and withdraws only as an editor of the department', async () => {
    const code = await matterIn('draft');
    expectOutcome(await clients[who].post(`/api/matters/${code}/transitions`, { action: 'submit' }), 200, editRefusal(who));
    const inReview = await matterIn('in_review');
    expectOutcome(await clients[who].post(`/api/matters/${inReview}/transitions`, { action: 'withdraw' }), 200, editRefusal(who));
  });

  it('publishes, sends back and retires only as legal', async () => {
    const refusal: [number, string] | undefined =
      who === 'legal' ? undefined : who === 'anonymous' ? [401, 'AUTH_REQUIRED'] : [403, 'FORBIDDEN'];
    expectOutcome(
      await clients[who].post(`/api/matters/${await matterIn('in_review')}/transitions`, { action: 'publish' }),
      200,
      refusal,
    );
    expectOutcome(
      await clients[who].post(`/api/matters/${await matterIn('in_review')}/transitions`, {
        action: 'return',
        comments: '依据不足',
      }),
      200,
      refusal,
    );
    expectOutcome(
      await clients[who].post(`/api/matters/${await matterIn('published')}/transitions`, { action: 'retire' }),
      200,
      refusal,
    );
  });

  it('starts a new version only as an editor of the department', async () => {
    const code = await matterIn('published');
    expectOutcome(await clients[who].post(`/api/matters/${code}/transitions`, { action: 'newVersion' }), 200, editRefusal(who));
  });
});

describe.each(ROLES)('catalog exchange endpoints as %s', (who) => {
  it('imports only as legal or as the department administrator for its own matters', async () => {
    const doc = foodLicence({ suffix: nextSuffix() });
    const response = await clients[who].post('/api/catalog/import', { format: 'matterflow-catalog', version: 1, matters: [doc] });
    if (EDITORS.includes(who)) {
      expect(response.status, response.text).toBe(200);
      expect(response.body.created).toBe(1);
    } else if (who === 'other_admin') {
      expect(response.status).toBe(422);
      expect(response.body.error.details.errors[0].code).toBe('department.scope');
    } else {
      expectOutcome(response, 200, who === 'anonymous' ? [401, 'AUTH_REQUIRED'] : [403, 'FORBIDDEN']);
    }
  });

  it('exports for staff only, each seeing its own drafts', async () => {
    const draft = await matterIn('draft');
    const response = await clients[who].get('/api/catalog/export?format=json');
    if (who === 'anonymous' || who === 'citizen') {
      expectOutcome(response, 200, who === 'anonymous' ? [401, 'AUTH_REQUIRED'] : [403, 'FORBIDDEN']);
      return;
    }
    expect(response.status).toBe(200);
    const codes = response.body.matters.map((m: { code: string }) => m.code);
    expect(codes.includes(draft)).toBe(SCJG_STAFF.includes(who) || CENTRE_WIDE.includes(who));
  });

  it('shows the quality report to legal, supervision, sysadmin and department administrators', async () => {
    const response = await clients[who].get('/api/catalog/quality');
    const allowed: Who[] = ['scjg_admin', 'other_admin', 'legal', 'supervisor', 'sysadmin'];
    expectOutcome(
      response,
      200,
      allowed.includes(who) ? undefined : who === 'anonymous' ? [401, 'AUTH_REQUIRED'] : [403, 'FORBIDDEN'],
    );
    if (who === 'other_admin') {
      // Scoped to its own department, which has no matters here.
      expect(response.body.checkedMatters).toBe(0);
    }
  });
});

describe.each(ROLES)('the audit trail as %s', (who) => {
  it('is readable by supervision, system administration and legal only', async () => {
    const code = await matterIn('published');
    const response = await clients[who].get(`/api/audit?targetType=matter&targetId=${code}`);
    const allowed: Who[] = ['legal', 'supervisor', 'sysadmin'];
    expectOutcome(
      response,
      200,
      allowed.includes(who) ? undefined : who === 'anonymous' ? [401, 'AUTH_REQUIRED'] : [403, 'FORBIDDEN'],
    );
    if (allowed.includes(who)) {
      expect(response.body.items.map((e: { action: string }) => e.action)).toEqual([
        'matter.publish',
        'matter.submit',
        'matter.create',
      ]);
      expect(response.body.items[0]).toMatchObject({ username: 'legal', targetType: 'matter', targetId: code });
    }
  });
});

describe('department scoping inside operations', () => {
  it('holds without HTTP: the operation itself refuses another department', async () => {
    const foreign: Actor = {
      kind: 'user',
      userId: 0,
      username: 'scjg_admin',
      displayName: '市场监管局管理员',
      role: 'dept_admin',
      departmentCode: departmentCode('市场监督管理'),
    };
    const document = foodLicence({ department: departmentCode('卫生健康'), suffix: nextSuffix() });
    await expect(createDraft(server.deps, { actor: foreign }, { document })).rejects.toMatchObject({ code: 'DEPARTMENT_SCOPE' });
    const code = await matterIn('published');
    const other: Actor = { ...foreign, departmentCode: departmentCode('卫生健康') };
    await expect(
      transitionMatter(server.deps, { actor: other }, { code, request: { action: 'newVersion' } }),
    ).rejects.toMatchObject({ code: 'DEPARTMENT_SCOPE' });
  });

  it('refuses a dept_admin drafting a matter for another department, even with a forged document', async () => {
    const doc = foodLicence({ department: departmentCode('卫生健康'), suffix: nextSuffix() });
    const response = await clients.scjg_admin.post('/api/matters', { document: doc });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('DEPARTMENT_SCOPE');
    const count = await server.deps.db.query<{ n: number }>('SELECT count(*)::int AS n FROM matters WHERE code = $1', [doc.code]);
    expect(count.rows[0]?.n).toBe(0);
  });

  it('refuses moving a matter to another department by editing its document', async () => {
    const code = await matterIn('draft');
    const moved = {
      ...foodLicence({ suffix: code.slice(18) }),
      department: { code: departmentCode('卫生健康'), name: '云溪县卫生健康局' },
    };
    const response = await clients.legal.put(`/api/matters/${code}/draft`, { revision: 1, document: moved });
    expect(response.status).toBe(422);
    expect(response.body.error.details[0].pointer).toBe('/document/department/code');
  });
});
