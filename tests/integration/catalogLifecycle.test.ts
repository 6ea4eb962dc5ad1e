import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/startTestServer';
import { mutableClock } from '../support/mutableClock';
import { foodLicence } from '../support/matterFixtures';
import type { TestClient } from '../support/TestClient';

const clock = mutableClock('2026-03-02T02:00:00Z'); // Monday 10:00 in Shanghai
let server: TestServer;
let admin: TestClient;
let legal: TestClient;

/** Sessions expire when the clock jumps weeks ahead, as they should: log in again. */
async function moveClock(iso: string) {
  clock.set(iso);
  admin = await server.login('scjg_admin');
  legal = await server.login('legal');
}

beforeAll(async () => {
  server = await startTestServer({ clock });
  admin = await server.login('scjg_admin');
  legal = await server.login('legal');
});
afterAll(() => server?.close());

const auditActions = async (code: string) =>
  (
    await server.deps.db.query<{ action: string }>('SELECT action FROM audit_log WHERE target_id = $1 ORDER BY id', [code])
  ).rows.map((r) => r.action);

// One matter's life, step by step: each test continues where the previous one left it.
describe('catalog lifecycle over HTTP', { shuffle: false }, () => {
  const doc = foodLicence({ suffix: '0001310240001' });
  const code = doc.code;

  it('creates a draft, saves it with optimistic concurrency and loses nothing on conflict', async () => {
    const created = await admin.post('/api/matters', { document: doc });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code, version: 1, status: 'draft', revision: 1 });

    const first = await admin.put(`/api/matters/${code}/draft`, {
      revision: 1,
      document: { ...doc, acceptCondition: '第一次修改' },
    });
    expect(first.status).toBe(200);
    expect(first.body.revision).toBe(2);

    const stale = await legal.put(`/api/matters/${code}/draft`, {
      revision: 1,
      document: { ...doc, acceptCondition: '过期的修改' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('REVISION_CONFLICT');
    expect(stale.body.error.details.currentRevision).toBe(2);
    expect(stale.body.error.details.current.document.acceptCondition).toBe('第一次修改');

    const stored = await admin.get(`/api/matters/${code}/versions/1`);
    expect(stored.body.document.acceptCondition).toBe('第一次修改');
  });

  it('lets exactly one of two simultaneous saves of the same revision win', async () => {
    const current = (await admin.get(`/api/matters/${code}/versions/1`)).body.revision as number;
    const [a, b] = await Promise.all([
      admin.put(`/api/matters/${code}/draft`, { revision: current, document: { ...doc, acceptCondition: 'A' } }),
      legal.put(`/api/matters/${code}/draft`, { revision: current, document: { ...doc, acceptCondition: 'B' } }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = a.status === 200 ? 'A' : 'B';
    expect((await admin.get(`/api/matters/${code}/versions/1`)).body.document.acceptCondition).toBe(winner);
  });

  it('refuses to submit an unpublishable draft, listing every reason', async () => {
    const revision = (await admin.get(`/api/matters/${code}/versions/1`)).body.revision as number;
    const broken = {
      ...doc,
      legalBasis: [],
      timeLimits: { statutory: { value: 5, unit: 'workday' }, promised: { value: 9, unit: 'workday' } },
    };
    const saved = await admin.put(`/api/matters/${code}/draft`, { revision, document: broken });
    expect(saved.status).toBe(200);
    const refused = await admin.post(`/api/matters/${code}/transitions`, { action: 'submit' });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('PUBLISH_BLOCKED');
    const codes = refused.body.error.details.map((d: { code: string }) => d.code);
    expect(codes).toContain('basis.missing');
    expect(codes).toContain('limit.promise_exceeds_statutory');
    expect(refused.body.error.details.every((d: { pointer: string }) => d.pointer.startsWith('/'))).toBe(true);
    const fixed = await admin.put(`/api/matters/${code}/draft`, { revision: saved.body.revision, document: doc });
    expect(fixed.status).toBe(200);
  });

  it('submits, withdraws, is sent back with comments, and is published by legal', async () => {
    expect((await admin.post(`/api/matters/${code}/transitions`, { action: 'submit' })).body.status).toBe('in_review');
    const editInReview = await admin.put(`/api/matters/${code}/draft`, { revision: 99, document: doc });
    expect(editInReview.body.error.code).toBe('NO_DRAFT');
    expect((await admin.post(`/api/matters/${code}/transitions`, { action: 'withdraw' })).body.status).toBe('draft');
    expect((await admin.post(`/api/matters/${code}/transitions`, { action: 'submit' })).status).toBe(200);

    const noComment = await legal.post(`/api/matters/${code}/transitions`, { action: 'return' });
    expect(noComment.status).toBe(422);
    const returned = await legal.post(`/api/matters/${code}/transitions`, { action: 'return', comments: '请补充受理标准' });
    expect(returned.body.status).toBe('draft');
    expect(returned.body.reviewComments[0].comments).toBe('请补充受理标准');

    const adminPublish = await admin.post(`/api/matters/${code}/transitions`, { action: 'submit' });
    expect(adminPublish.status).toBe(200);
    const forbidden = await admin.post(`/api/matters/${code}/transitions`, { action: 'publish' });
    expect(forbidden.status).toBe(403);
    const published = await legal.post(`/api/matters/${code}/transitions`, { action: 'publish' });
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ status: 'published', effectiveFrom: '2026-03-02' });

    const current = await server.anonymous().get(`/api/matters/${code}`);
    expect(current.status).toBe(200);
    expect(current.body.version).toBe(1);
    const again = await legal.post(`/api/matters/${code}/transitions`, { action: 'publish' });
    expect(again.body.error.code).toBe('TRANSITION_NOT_ALLOWED');
    expect(await auditActions(code)).toEqual(
      expect.arrayContaining([
        'matter.create',
        'matter.update',
        'matter.submit',
        'matter.withdraw',
        'matter.return',
        'matter.publish',
      ]),
    );
  });

  it('serves the guide of the published version with materials and conditions in words', async () => {
    const guide = await server.anonymous().get(`/api/matters/${code}/guide`);
    expect(guide.status).toBe(200);
    expect(guide.body.serviceContent.type).toBe('行政许可');
    expect(guide.body.legalBasis.items[0].citation).toContain('第三十五条');
    expect(guide.body.timeLimits).toMatchObject({ statutory: '10个工作日', promised: '6个工作日' });
    expect(guide.body.fees.summary).toBe('不收费');
    const proxy = guide.body.materials.items.find((m: { name: string }) => m.name.startsWith('授权委托书'));
    expect(proxy.appliesWhen).toBe('委托代理人办理的');
    expect(guide.body.procedure.steps.map((s: { name: string }) => s.name)).toEqual(['受理', '审查', '决定']);
  });

  it('keeps the previous version current until a future effective date, then supersedes it', async () => {
    const draft = await admin.post(`/api/matters/${code}/transitions`, { action: 'newVersion' });
    expect(draft.body).toMatchObject({ version: 2, status: 'draft' });
    const twice = await admin.post(`/api/matters/${code}/transitions`, { action: 'newVersion' });
    expect(twice.body.error.code).toBe('DRAFT_EXISTS');
    const edited = await admin.put(`/api/matters/${code}/draft`, {
      revision: draft.body.revision,
      document: {
        ...doc,
        timeLimits: { ...doc.timeLimits, promised: { value: 5, unit: 'workday', explain: '压缩至 5 个工作日' } },
        flow: { ...doc.flow, nodes: doc.flow.nodes.map((node) => (node.id === 'review' ? { ...node, budgetDays: 3 } : node)) },
      },
    });
    expect(edited.status).toBe(200);
    const submitted = await admin.post(`/api/matters/${code}/transitions`, { action: 'submit' });
    expect(submitted.status, submitted.text).toBe(200);
    const past = await legal.post(`/api/matters/${code}/transitions`, { action: 'publish', effectiveDate: '2026-03-01' });
    expect(past.body.error.code).toBe('EFFECTIVE_DATE_INVALID');
    const scheduled = await legal.post(`/api/matters/${code}/transitions`, { action: 'publish', effectiveDate: '2026-04-01' });
    expect(scheduled.body).toMatchObject({ version: 2, status: 'published', effectiveFrom: '2026-04-01' });

    expect((await server.anonymous().get(`/api/matters/${code}`)).body.version).toBe(1);
    expect((await server.anonymous().get(`/api/matters?code=${code}`)).body.items[0].version).toBe(1);
    expect((await legal.get(`/api/matters?code=${code}`)).body.items[0]).toMatchObject({
      version: 2,
      status: 'published',
      effectiveFrom: '2026-04-01',
    });
    expect((await legal.get(`/api/matters?code=${code}&status=superseded`)).body.total).toBe(0);
    const diff = await legal.get(`/api/matters/${code}/diff?from=1&to=2`);
    expect(diff.body.changes).toContainEqual(
      expect.objectContaining({ op: 'replace', pointer: '/timeLimits/promised/value', from: 6, to: 5 }),
    );

    await moveClock('2026-04-01T01:00:00Z');
    expect((await server.anonymous().get(`/api/matters/${code}`)).body.version).toBe(2);
    const versions = await legal.get(`/api/matters/${code}/versions`);
    expect(versions.body.items.map((v: { status: string }) => v.status)).toEqual(['superseded', 'published']);
    expect((await server.anonymous().get(`/api/matters?code=${code}`)).body.items[0].version).toBe(2);
    expect((await legal.get(`/api/matters?code=${code}&status=superseded`)).body.items[0].version).toBe(1);
    // Published versions are immutable: there is no draft to write to.
    const overwrite = await admin.put(`/api/matters/${code}/draft`, { revision: 1, document: doc });
    expect(overwrite.body.error.code).toBe('NO_DRAFT');
    expect((await legal.get(`/api/matters/${code}/versions/1`)).body.document.timeLimits.promised.value).toBe(6);
  });

  it('retires on the cancel date, staying current until then', async () => {
    const retire = await legal.post(`/api/matters/${code}/transitions`, { action: 'retire', cancelDate: '2026-05-01' });
    expect(retire.status).toBe(200);
    expect(retire.body.cancelAt).toBe('2026-05-01');
    expect((await server.anonymous().get(`/api/matters/${code}`)).status).toBe(200);
    await moveClock('2026-05-01T01:00:00Z');
    const gone = await server.anonymous().get(`/api/matters/${code}`);
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe('MATTER_NOT_FOUND');
    const versions = await legal.get(`/api/matters/${code}/versions`);
    expect(versions.body.items.at(-1).status).toBe('retired');
    const search = await legal.get(`/api/matters?code=${code}&status=retired`);
    expect(search.body.total).toBe(1);
  });
});

describe('concurrent lifecycle moves', () => {
  it('publishes once when two reviewers publish the same version at the same moment', async () => {
    const doc = foodLicence({ suffix: '0001310240077' });
    expect((await admin.post('/api/matters', { document: doc })).status).toBe(201);
    expect((await admin.post(`/api/matters/${doc.code}/transitions`, { action: 'submit' })).status).toBe(200);
    const other = await server.login('legal');
    const results = await Promise.all([
      legal.post(`/api/matters/${doc.code}/transitions`, { action: 'publish' }),
      other.post(`/api/matters/${doc.code}/transitions`, { action: 'publish' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const audit = await server.deps.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE target_id = $1 AND action = 'matter.publish'",
      [doc.code],
    );
    expect(audit.rows[0]?.n).toBe(1);
  });
});
