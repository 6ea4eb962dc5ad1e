import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/startTestServer';
import type { TestClient } from '../support/TestClient';
import { mutableClock } from '../support/mutableClock';
import { materialImpact } from '../../platform/src/intake/operations/materialImpact';
import type { Actor } from '../../platform/src/kernel';
import { DEMO_CITIZEN_ID, FOOD, FOOD_FORM, FOOD_UPLOADS, prepareFoodDraft, submitDraft } from '../support/foodApplication';

const FIRE = '11439901006010154K0001330010001'; // 消防安全检查: another department than 市场监管局
const DAY_MS = 24 * 60 * 60 * 1000;
const EQUIPMENT = '与食品经营相适应的主要设备设施清单及布局、工艺流程图';

describe('GET /api/matters/{code}/versions/{n}/impact', () => {
  // The seed catalog is in force from the day the test templates were made: the clock starts there.
  const start = Date.now();
  const clock = mutableClock(new Date(start).toISOString());
  const atDay = (day: number) => clock.set(new Date(start + day * DAY_MS).toISOString());
  let server: TestServer;
  let admin: TestClient;
  let draftVersion: number;
  const numbers: Record<string, string> = {};

  async function apply(name: string, formData: object) {
    const citizen = await server.login(DEMO_CITIZEN_ID);
    const draft = await prepareFoodDraft(citizen);
    const materials = Object.fromEntries(FOOD_UPLOADS.map((materialId, n) => [materialId, [draft.fileIds[n]]]));
    const saved = await citizen.put(`/api/drafts/${draft.id}`, { revision: draft.revision, answers: {}, formData, materials });
    expect(saved.status, saved.text).toBe(200);
    const submitted = await submitDraft(citizen, draft.id, `impact-${name}`);
    expect(submitted.status, submitted.text).toBe(201);
    numbers[name] = submitted.body.number;
  }

  beforeAll(async () => {
    server = await startTestServer({ shouldSeedCatalog: true, clock });
    // Day 0: one application that will be older than 90 days when the impact is asked.
    await apply('old', { ...FOOD_FORM, premisesArea: 500 });
    atDay(50);
    await apply('large', { ...FOOD_FORM, premisesArea: 150 });
    await apply('small', FOOD_FORM);
    await apply('shop', { ...FOOD_FORM, businessFormat: '食品销售经营者', businessItems: ['散装食品销售'] });
    atDay(95);
    admin = await server.login('scjg_admin');
    const current = await admin.get(`/api/matters/${FOOD}`);
    const created = await admin.post(`/api/matters/${FOOD}/transitions`, { action: 'newVersion' });
    expect(created.status, created.text).toBe(200);
    draftVersion = created.body.version;
    // The draft: a health certificate for premises over 100 m², the equipment list only for 餐饮.
    const document = structuredClone(current.body.document);
    document.materials.push({
      id: 'healthCert',
      name: '从业人员健康证明',
      type: '复印件',
      format: '电子',
      copies: 1,
      necessity: '必要',
      source: '申请人自备',
      condition: { properties: { premisesArea: { minimum: 100 } }, required: ['premisesArea'] },
    });
    const equipment = document.materials.find((m: { id: string }) => m.id === 'equipmentLayout');
    equipment.condition = { properties: { businessFormat: { const: '餐饮服务经营者' } }, required: ['businessFormat'] };
    const saved = await admin.put(`/api/matters/${FOOD}/draft`, { revision: created.body.revision, document });
    expect(saved.status, saved.text).toBe(200);
  });
  afterAll(async () => server?.close());

  it('counts the applications of the last 90 days whose material list the draft changes, with examples', async () => {
    const impact = await admin.get(`/api/matters/${FOOD}/versions/${draftVersion}/impact`);
    expect(impact.status, impact.text).toBe(200);
    expect(impact.body).toMatchObject({ days: 90, applications: 3, changed: 2, isCapped: false });
    const examples = impact.body.examples;
    expect(examples.map((example: { number: string }) => example.number).sort()).toEqual([numbers.large, numbers.shop].sort());
    expect(examples).toContainEqual({
      number: numbers.large,
      submittedAt: expect.any(String),
      version: draftVersion - 1,
      added: ['从业人员健康证明'],
      removed: [],
    });
    expect(examples).toContainEqual(
      expect.objectContaining({ number: numbers.shop, version: draftVersion - 1, added: [], removed: [EQUIPMENT] }),
    );
    // The version an application was pinned to measured against itself: nothing would change.
    const same = await admin.get(`/api/matters/${FOOD}/versions/${draftVersion - 1}/impact`);
    expect(same.body).toMatchObject({ applications: 3, changed: 0, examples: [] });
  });

  it('is also legal review’s, and says the change in words next to the pointers of the diff', async () => {
    const legal = await server.login('legal');
    expect((await legal.get(`/api/matters/${FOOD}/versions/${draftVersion}/impact`)).body.changed).toBe(2);
    const diff = await legal.get(`/api/matters/${FOOD}/diff?from=${draftVersion - 1}&to=${draftVersion}`);
    expect(diff.status, diff.text).toBe(200);
    expect(diff.body.changes.length).toBeGreaterThan(0);
    expect(diff.body.summary).toEqual([
      { section: '申请材料', pointer: expect.stringMatching(/^\/materials\/\d+$/), text: '申请材料 新增：《从业人员健康证明》' },
      {
        section: '申请材料',
        pointer: expect.stringMatching(/^\/materials\/\d+\/condition$/),
        text: `申请材料《${EQUIPMENT}》·适用情形 由 所有情形 改为 「主体业态为“餐饮服务经营者”」`,
      },
    ]);
  });

  it('reads page by page, and stops at its cap saying so', async () => {
    const { rows } = await server.deps.db.query<{ id: number; department_code: string }>(
      "SELECT id, department_code FROM users WHERE username = 'scjg_admin'",
    );
    const user = rows[0]!;
    const actor: Actor = {
      kind: 'user',
      userId: user.id,
      username: 'scjg_admin',
      displayName: '王建国',
      role: 'dept_admin',
      departmentCode: user.department_code,
    };
    const input = { code: FOOD, version: draftVersion };
    const paged = await materialImpact(server.deps, { actor }, input, { pageSize: 1 });
    expect(paged).toMatchObject({ applications: 3, changed: 2, isCapped: false });
    const capped = await materialImpact(server.deps, { actor }, input, { pageSize: 1, max: 2 });
    expect(capped).toMatchObject({ applications: 2, isCapped: true });
    // The newest first: of 'small' and 'shop', only the 餐饮 list of 'shop' changes.
    expect(capped.examples.map((example) => example.number)).toEqual([numbers.shop]);
    expect(await materialImpact(server.deps, { actor }, input, { max: 3 })).toMatchObject({ applications: 3, isCapped: false });
  });

  it('refuses other roles and other departments, and answers an unknown version with 404', async () => {
    const path = `/api/matters/${FOOD}/versions/${draftVersion}/impact`;
    expect((await server.anonymous().get(path)).status).toBe(401);
    for (const username of ['scjg_window', 'supervisor', DEMO_CITIZEN_ID]) {
      const refused = await (await server.login(username)).get(path);
      expect(refused.status, username).toBe(403);
      expect(refused.body.error.code).toBe('FORBIDDEN');
    }
    const otherDepartment = await admin.get(`/api/matters/${FIRE}/versions/1/impact`);
    expect(otherDepartment.status).toBe(403);
    expect(otherDepartment.body.error.code).toBe('DEPARTMENT_SCOPE');
    const unknown = await admin.get(`/api/matters/${FOOD}/versions/99/impact`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('MATTER_VERSION_NOT_FOUND');
    expect((await admin.get(`/api/matters/${FOOD}0/versions/1/impact`)).status).toBe(404);
  });
});
