import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CITIZEN_ID, prepareFoodDraft, submitDraft } from '../support/foodApplication';
import { startTestServer, type TestServer } from '../support/startTestServer';
import type { TestClient } from '../support/TestClient';

const HEALTH = '11439901006010023P'; // 云溪县卫生健康局: not the food licence's department
const PASSWORD = 'window-clerk-2026';

let server: TestServer;
let citizen: TestClient;
let window: TestClient;
let otherWindow: TestClient;
let number: string;

beforeAll(async () => {
  server = await startTestServer({ shouldSeedCatalog: true });
  citizen = await server.login(DEMO_CITIZEN_ID);
  window = await server.login('scjg_window');
  const sysadmin = await server.login('sysadmin');
  const created = await sysadmin.post('/api/users', {
    username: 'wsj_window',
    displayName: '卫健窗口',
    role: 'window',
    departmentCode: HEALTH,
    password: PASSWORD,
  });
  expect(created.status, created.text).toBe(201);
  otherWindow = server.anonymous();
  await otherWindow.login('wsj_window', PASSWORD);
  const draft = await prepareFoodDraft(citizen);
  const submitted = await submitDraft(citizen, draft.id, 'case-events-submit');
  expect(submitted.status, submitted.text).toBe(201);
  number = submitted.body.number as string;
});
afterAll(async () => server?.close());

describe('GET /api/cases/{number}/events', () => {
  it('gives the case department the timeline with what each step recorded, oldest first', async () => {
    const refused = await window.post(`/api/cases/${number}/actions`, {
      action: 'refuse',
      idempotencyKey: 'case-events-refuse',
      revision: 1,
      reasonCode: 'not_competent',
      competentBody: '云溪县卫生健康局',
      reasonText: '申请的是公共场所卫生许可',
    });
    expect(refused.status, refused.text).toBe(200);
    const answer = await window.get(`/api/cases/${number}/events`);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.items.map((event: { type: string }) => event.type)).toEqual(['submitted', 'case_refused']);
    expect(answer.body.items[1]).toMatchObject({
      title: '不予受理',
      actorName: '刘晓燕',
      details: { reasonCode: 'not_competent', competentBody: '云溪县卫生健康局', reasonText: '申请的是公共场所卫生许可' },
    });
  });

  it('answers another department, a citizen and a stranger as the case read does, before reading anything', async () => {
    const elsewhere = await otherWindow.get(`/api/cases/${number}/events`);
    expect(elsewhere.status).toBe((await otherWindow.get(`/api/cases/${number}`)).status);
    expect(elsewhere.status).toBeGreaterThanOrEqual(403);
    expect((await citizen.get(`/api/cases/${number}/events`)).status).toBe(403);
    expect((await server.anonymous().get(`/api/cases/${number}/events`)).status).toBe(401);
    const unknown = await window.get('/api/cases/11439901006010015W0001310240001202612029999/events');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('CASE_NOT_FOUND');
    const malformed = await window.get('/api/cases/not-a-number/events');
    expect(malformed.status).toBe(400);
  });
});
