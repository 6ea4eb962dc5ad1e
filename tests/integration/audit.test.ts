import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/startTestServer';
import type { TestClient } from '../support/TestClient';

let server: TestServer;
let supervisor: TestClient;

/** 250 entries of our own type, one an hour from 2026-03-01T00:00Z, so paging and dates are known. */
const SEEDED = 250;
const TYPE = 'audit_test';

beforeAll(async () => {
  server = await startTestServer();
  supervisor = await server.login('supervisor');
  await server.deps.db.query(
    `INSERT INTO audit_log (at, username, action, target_type, target_id)
     SELECT timestamptz '2026-03-01T00:00:00Z' + make_interval(hours => n), 'legal', 'test.entry', $1, n::text
     FROM generate_series(0, $2 - 1) AS n`,
    [TYPE, SEEDED],
  );
});
afterAll(async () => {
  await server?.close();
});

const ids = (body: { items: { id: number }[] }) => body.items.map((item) => item.id);

describe('GET /api/audit', () => {
  it('pages through more than 200 entries, newest first, with the total', async () => {
    const first = await supervisor.get(`/api/audit?targetType=${TYPE}&pageSize=200`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ total: SEEDED, page: 1, pageSize: 200 });
    expect(first.body.items).toHaveLength(200);
    expect(first.body.items[0]).toMatchObject({ targetId: String(SEEDED - 1), at: '2026-03-11T09:00:00.000Z' });
    const second = await supervisor.get(`/api/audit?targetType=${TYPE}&pageSize=200&page=2`);
    expect(second.body).toMatchObject({ total: SEEDED, page: 2 });
    expect(second.body.items).toHaveLength(SEEDED - 200);
    const all = [...ids(first.body), ...ids(second.body)];
    expect(new Set(all).size).toBe(SEEDED);
    expect(all).toEqual([...all].sort((a, b) => b - a));
    const beyond = await supervisor.get(`/api/audit?targetType=${TYPE}&pageSize=200&page=3`);
    expect(beyond.body).toMatchObject({ items: [], total: SEEDED });
  });

  it('continues after a cursor without shifting when new entries arrive', async () => {
    const first = await supervisor.get(`/api/audit?targetType=${TYPE}&pageSize=10`);
    const last = first.body.items.at(-1).id as number;
    await server.deps.db.query(
      `INSERT INTO audit_log (at, username, action, target_type) VALUES (timestamptz '2026-04-01T00:00:00Z', 'legal', 'test.late', $1)`,
      [`${TYPE}_late`],
    );
    const next = await supervisor.get(`/api/audit?targetType=${TYPE}&pageSize=10&before=${last}`);
    expect(next.body.items).toHaveLength(10);
    expect(Math.max(...ids(next.body))).toBeLessThan(last);
    expect(next.body.items[0].targetId).toBe(String(SEEDED - 11));
  });

  it('filters by civil dates in Asia/Shanghai, both ends included', async () => {
    // 2026-03-02 in Beijing runs from 2026-03-01T16:00Z to 2026-03-02T16:00Z: hours 16..39.
    const day = await supervisor.get(`/api/audit?targetType=${TYPE}&from=2026-03-02&to=2026-03-02&pageSize=200`);
    expect(day.status).toBe(200);
    expect(day.body.total).toBe(24);
    expect(
      day.body.items.map((item: { targetId: string }) => Number(item.targetId)).sort((a: number, b: number) => a - b),
    ).toEqual(Array.from({ length: 24 }, (_, i) => 16 + i));
    const from = await supervisor.get(`/api/audit?targetType=${TYPE}&from=2026-03-11`);
    // From 2026-03-10T16:00Z (hour 232) to the last entry (hour 249).
    expect(from.body.total).toBe(18);
    const to = await supervisor.get(`/api/audit?targetType=${TYPE}&to=2026-03-01`);
    expect(to.body.total).toBe(16);
  });

  it('filters by the acting user and by an action or an action prefix', async () => {
    await server.deps.db.query(
      `INSERT INTO audit_log (at, username, action, target_type) VALUES
         (now(), 'sysadmin', 'probe.create', $1), (now(), 'sysadmin', 'probe.password_set', $1),
         (now(), 'supervisor', 'probe.create', $1), (now(), 'sysadmin', 'probeX.create', $1),
         (now(), 'sysadmin', 'probe.passwordXset', $1)`,
      [`${TYPE}_who`],
    );
    const of = async (query: string) =>
      (await supervisor.get(`/api/audit?targetType=${TYPE}_who&${query}`)).body.items.map(
        (item: { username: string; action: string }) => `${item.username} ${item.action}`,
      );
    expect((await of('username=sysadmin')).sort()).toEqual(
      ['sysadmin probe.create', 'sysadmin probe.passwordXset', 'sysadmin probe.password_set', 'sysadmin probeX.create'].sort(),
    );
    expect((await of('action=probe.create')).sort()).toEqual(['supervisor probe.create', 'sysadmin probe.create']);
    // A prefix is a family of actions, not a pattern: `probe.` is not `probeX.`, and `_` is not any character.
    expect((await of('action=probe.&username=sysadmin')).sort()).toEqual([
      'sysadmin probe.create',
      'sysadmin probe.passwordXset',
      'sysadmin probe.password_set',
    ]);
    expect(await of('action=pro_e.')).toEqual([]);
    expect(await of('username=nobody')).toEqual([]);
  });

  it.each([
    ['from=2099-02-30', '/from'],
    ['to=2026-3-1', '/to'],
    ['from=2026-03-05&to=2026-03-04', '/to'],
    ['pageSize=201', '/pageSize'],
    ['page=0', '/page'],
    ['before=-1', '/before'],
    ['action=user.%25', '/action'],
    ['username=Sysadmin', '/username'],
    ['limit=1&unknown=1', ''],
  ])('refuses %s with 400 BAD_QUERY', async (query, pointer) => {
    const response = await supervisor.get(`/api/audit?${query}`);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('BAD_QUERY');
    if (pointer) expect(JSON.stringify(response.body.error.details)).toContain(pointer);
  });

  it('is refused to a department administrator', async () => {
    const admin = await server.login('scjg_admin');
    expect((await admin.get('/api/audit')).status).toBe(403);
  });
});
