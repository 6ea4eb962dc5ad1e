import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../platform/src/identity';
import { SYSTEM_ACTOR } from '../../platform/src/kernel';
import { departmentCode, foodLicence } from '../support/matterFixtures';
import { mutableClock } from '../support/mutableClock';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../support/startTestServer';
import type { TestClient } from '../support/TestClient';

const clock = mutableClock('2026-03-02T02:00:00Z'); // Monday 10:00 in Shanghai
let server: TestServer;
let legal: TestClient;
let scjgAdmin: TestClient;
let healthAdmin: TestClient;

beforeAll(async () => {
  server = await startTestServer({ clock });
  await createUser(
    server.deps,
    { actor: SYSTEM_ACTOR },
    {
      username: 'health_admin',
      displayName: '卫健局管理员',
      password: DEMO_PASSWORD,
      role: 'dept_admin',
      departmentCode: departmentCode('卫生健康'),
    },
  );
  legal = await server.login('legal');
  scjgAdmin = await server.login('scjg_admin');
  healthAdmin = await server.login('health_admin');
});
afterAll(() => server?.close());

const LOCAL_RULE = { name: '云溪县食品摊贩管理暂行办法', level: 'normativeDoc' };
/** Each describe keeps its own register entries, so the file passes in any order. */
const REVIEW_RULE = { name: '云溪县食品经营场所卫生规范', level: 'normativeDoc' };
const OLD_RULE = { name: '云溪县食品经营许可实施细则', level: 'normativeDoc', repealedOn: '2026-01-01' };
const transition = (client: TestClient, code: string, body: Record<string, unknown>) =>
  client.post(`/api/matters/${code}/transitions`, body);

/** A 食品经营许可 that also cites one of the county's own rules as 实施依据. */
function citingLocalRule(suffix: string, rule: { name: string }) {
  const doc = foodLicence({ suffix });
  return {
    ...doc,
    legalBasis: [...doc.legalBasis, { lawName: rule.name, role: 'implement', articles: ['第三条'] }],
  };
}

describe('the law register over HTTP', () => {
  it('serves the seeded register to staff, searchable, and lets legal add an entry', async () => {
    const found = await scjgAdmin.get('/api/laws?q=行政许可法');
    expect(found.status).toBe(200);
    expect(found.body.items.map((item: { entry: { name: string } }) => item.entry.name)).toContain('中华人民共和国行政许可法');
    const repealed = await scjgAdmin.get('/api/laws?repealed=true');
    expect(repealed.body.items.every((item: { isRepealed: boolean }) => item.isRepealed)).toBe(true);
    expect((await server.anonymous().get('/api/laws')).status).toBe(401);
    expect((await scjgAdmin.put('/api/laws/yunxi-tanfan-banfa', LOCAL_RULE)).status).toBe(403);
    const saved = await legal.put('/api/laws/yunxi-tanfan-banfa', LOCAL_RULE);
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body).toMatchObject({
      entry: { id: 'yunxi-tanfan-banfa', ...LOCAL_RULE },
      isRepealed: false,
      updatedBy: 'legal',
    });
    const invalid = await legal.put('/api/laws/yunxi-tanfan-banfa', { ...LOCAL_RULE, level: '红头文件' });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.code).toBe('LAW_INVALID');
    expect(invalid.body.error.details).toContainEqual(expect.objectContaining({ pointer: '/level', code: 'schema.enum' }));
    expect((await legal.get('/api/laws/yunxi-tanfan-banfa')).body.entry.name).toBe(LOCAL_RULE.name);
  });
});

describe('an error-level finding blocks submit and publish', { shuffle: false }, () => {
  const doc = citingLocalRule('0001310240501', REVIEW_RULE);
  const blocked = (response: { status: number; body: any }) => {
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('QUALITY_BLOCKED');
    return response.body.error.details.findings as { rule: string; pointer: string; message: string }[];
  };

  it('submits a clean matter, then refuses to publish it once its basis is repealed, listing the finding', async () => {
    expect((await legal.put('/api/laws/yunxi-weisheng-guifan', REVIEW_RULE)).status).toBe(200);
    expect((await scjgAdmin.post('/api/matters', { document: doc })).status).toBe(201);
    expect((await transition(scjgAdmin, doc.code, { action: 'submit' })).status).toBe(200);
    // The county repeals its rules while the matter waits in review.
    const repeal = await legal.put('/api/laws/yunxi-weisheng-guifan', { ...REVIEW_RULE, repealedOn: '2026-03-01' });
    expect(repeal.status, repeal.text).toBe(200);
    const findings = blocked(await transition(legal, doc.code, { action: 'publish' }));
    expect(findings).toEqual([
      {
        rule: 'basis.repealed',
        pointer: '/legalBasis/1',
        message: `依据《${REVIEW_RULE.name}》已于 2026-03-01 废止，应改引现行有效的规定`,
      },
    ]);
  });

  it('refuses a reason for a finding the version does not have, or a blank one', async () => {
    const wrong = await transition(legal, doc.code, {
      action: 'publish',
      acceptedRisks: [{ rule: 'basis.repealed', pointer: '/legalBasis/0', reason: '依据仍然有效' }],
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.code).toBe('VALIDATION_FAILED');
    expect(wrong.body.error.details).toEqual([expect.objectContaining({ pointer: '/acceptedRisks/0', code: 'risk.no_finding' })]);
    const blank = await transition(legal, doc.code, {
      action: 'publish',
      acceptedRisks: [{ rule: 'basis.repealed', pointer: '/legalBasis/1', reason: '   ' }],
    });
    expect(blank.body.error.details).toEqual([
      expect.objectContaining({ pointer: '/acceptedRisks/0/reason', code: 'risk.reason_required' }),
    ]);
  });

  it('publishes when legal records a reason per finding: audited, stored, shown as accepted in the report', async () => {
    const reason = '新办法尚未公布，原办法第三条的要求在过渡期内继续执行（县法制办函〔2026〕3号）';
    const published = await transition(legal, doc.code, {
      action: 'publish',
      acceptedRisks: [{ rule: 'basis.repealed', pointer: '/legalBasis/1', reason }],
    });
    expect(published.status, published.text).toBe(200);
    expect(published.body.status).toBe('published');

    const audit = await legal.get(`/api/audit?targetType=matter&targetId=${doc.code}`);
    expect(audit.body.items).toContainEqual(
      expect.objectContaining({
        action: 'matter.publish',
        details: expect.objectContaining({ acceptedRisks: [{ rule: 'basis.repealed', pointer: '/legalBasis/1', reason }] }),
      }),
    );
    for (const client of [legal, scjgAdmin]) {
      const report = await client.get('/api/catalog/quality');
      expect(report.status).toBe(200);
      expect(report.body.findings).toContainEqual(
        expect.objectContaining({
          code: doc.code,
          rule: 'basis.repealed',
          pointer: '/legalBasis/1',
          accepted: expect.objectContaining({ reason, by: 'legal', byName: '李明华', version: 1 }),
        }),
      );
    }
  });

  it('never lets a department administrator override: its submit over an error is refused, with or without reasons', async () => {
    const dirty = citingLocalRule('0001310240502', REVIEW_RULE);
    expect((await scjgAdmin.post('/api/matters', { document: dirty })).status).toBe(201);
    expect(blocked(await transition(scjgAdmin, dirty.code, { action: 'submit' })).map((f) => f.rule)).toEqual(['basis.repealed']);
    const override = await transition(scjgAdmin, dirty.code, {
      action: 'submit',
      acceptedRisks: [{ rule: 'basis.repealed', pointer: '/legalBasis/1', reason: '部门认为可以' }],
    });
    expect(override.status).toBe(403);
    expect(override.body.error.code).toBe('FORBIDDEN');
    const versions = await scjgAdmin.get(`/api/matters/${dirty.code}/versions`);
    expect(versions.body.items[0].status).toBe('draft');
  });
});

describe('a risk legal accepted at submit', () => {
  it('counts for the publish of the same version, which needs no second reason', async () => {
    expect((await legal.put('/api/laws/yunxi-xuke-xize', OLD_RULE)).status).toBe(200);
    const doc = citingLocalRule('0001310240503', OLD_RULE);
    expect((await legal.post('/api/matters', { document: doc })).status).toBe(201);
    const reason = '过渡期内继续执行';
    const submitted = await transition(legal, doc.code, {
      action: 'submit',
      acceptedRisks: [{ rule: 'basis.repealed', pointer: '/legalBasis/1', reason }],
    });
    expect(submitted.status, submitted.text).toBe(200);
    expect((await transition(legal, doc.code, { action: 'publish' })).status).toBe(200);
    const report = await legal.get('/api/catalog/quality');
    expect(report.body.findings).toContainEqual(
      expect.objectContaining({
        code: doc.code,
        rule: 'basis.repealed',
        accepted: expect.objectContaining({ reason, version: 1 }),
      }),
    );
  });
});

describe('limits on the working-day calendar', () => {
  it('refuses to submit a promise of 6 working days against a statute of 7 日, naming the start day that shows it', async () => {
    const doc = foodLicence({ suffix: '0001310240701' });
    const limits = { statutory: { value: 7, unit: 'day' }, promised: { value: 6, unit: 'workday' } };
    expect((await scjgAdmin.post('/api/matters', { document: { ...doc, timeLimits: limits } })).status).toBe(201);
    const refused = await transition(scjgAdmin, doc.code, { action: 'submit' });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('PUBLISH_BLOCKED');
    expect(refused.body.error.details).toContainEqual({
      pointer: '/timeLimits/promised/value',
      code: 'limit.promise_exceeds_statutory',
      message: expect.stringMatching(/^承诺办结时限 6 个工作日，超过法定办结时限 7 日（如 \d{4}-\d{2}-\d{2} 起算：/),
    });
    const report = await scjgAdmin.get('/api/catalog/quality');
    expect(report.body.findings).toContainEqual(
      expect.objectContaining({ code: doc.code, rule: 'limit.promise_exceeds_statutory', pointer: '/timeLimits/promised/value' }),
    );
  });
});

describe('互为前置 across two departments', () => {
  it('is shown to both departments’ administrators and blocks publishing either matter', async () => {
    const health = departmentCode('卫生健康');
    const food = foodLicence({ suffix: '0001310240601' });
    const hygiene = {
      ...foodLicence({ department: health, suffix: '0001320010601' }),
      department: { code: health, name: '云溪县卫生健康局', nature: '1' },
      catalogCode: '000132001000',
      name: '公共场所卫生许可',
    };
    const withPrerequisite = (document: object, on: { code: string; name: string }) => ({
      ...document,
      prerequisites: [{ code: on.code, name: on.name, isStatutory: true }],
    });
    expect((await scjgAdmin.post('/api/matters', { document: withPrerequisite(food, hygiene) })).status).toBe(201);
    expect((await healthAdmin.post('/api/matters', { document: withPrerequisite(hygiene, food) })).status).toBe(201);

    for (const [client, own, other] of [
      [scjgAdmin, food.code, hygiene.code],
      [healthAdmin, hygiene.code, food.code],
    ] as const) {
      const report = await client.get('/api/catalog/quality');
      expect(report.status).toBe(200);
      const cycles = (report.body.findings as { code: string; rule: string; message: string }[]).filter(
        (finding) => finding.rule === 'prerequisite.cycle',
      );
      expect(cycles.map((finding) => finding.code)).toEqual([own]);
      expect(cycles[0]?.message).toContain(other);
      // The other department's matter is not this administrator's to clean.
      expect((report.body.findings as { code: string }[]).some((finding) => finding.code === other)).toBe(false);
    }
    const refused = await transition(healthAdmin, hygiene.code, { action: 'submit' });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('QUALITY_BLOCKED');
    expect(refused.body.error.details.findings).toEqual([
      expect.objectContaining({ rule: 'prerequisite.cycle', pointer: '/prerequisites/0' }),
    ]);
  });
});
