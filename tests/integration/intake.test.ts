import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumberCheckCharacter } from '@matterflow/schemas';
import { startTestServer, type TestServer } from '../support/startTestServer';
import type { TestClient } from '../support/TestClient';
import { samplePdf, samplePng } from '../support/sampleFiles';
import { uploadFile } from '../support/uploadFile';
import { DEMO_CITIZEN_ID, FOOD, FOOD_FORM, FOOD_UPLOADS } from '../support/foodApplication';

const FIRE = '11439901006010154K0001330010001'; // 消防安全检查 (another department than the demo window's)

/** A valid 身份证号 for a fictional person of the demo county, born on `birth` (yyyyMMdd). */
const idNumber = (birth: string, sequence: string) => {
  const first17 = `439901${birth}${sequence}`;
  return `${first17}${idNumberCheckCharacter(first17)}`;
};

const validForm = FOOD_FORM;
const UPLOADED = FOOD_UPLOADS;

describe('intake: drafts, validation, submit, numbering', () => {
  let server: TestServer;
  let citizen: TestClient;
  beforeAll(async () => {
    server = await startTestServer({ shouldSeedCatalog: true });
    citizen = await server.login(DEMO_CITIZEN_ID);
  });
  afterAll(async () => server?.close());

  async function newDraft(client: TestClient = citizen, body: object = { matterCode: FOOD }) {
    const response = await client.post('/api/drafts', body);
    expect(response.status, response.text).toBe(201);
    return response.body as { id: string; revision: number; version: number };
  }

  async function fill(
    client: TestClient,
    draft: { id: string; revision: number },
    formData: object,
    materials: Record<string, string[]>,
  ) {
    const response = await client.put(`/api/drafts/${draft.id}`, { revision: draft.revision, answers: {}, formData, materials });
    expect(response.status, response.text).toBe(200);
    return response.body as { id: string; revision: number };
  }

  async function upload(
    client: TestClient,
    draftId: string,
    materialId: string,
    bytes: Uint8Array = samplePdf(),
    name = `${materialId}.pdf`,
  ) {
    const response = await uploadFile(client, { draftId, materialId, name, bytes });
    expect(response.status, response.text).toBe(201);
    return response.body.id as string;
  }

  async function completeDraft(client: TestClient = citizen, body?: object) {
    const draft = await newDraft(client, body);
    const materials: Record<string, string[]> = {};
    for (const id of UPLOADED) materials[id] = [await upload(client, draft.id, id)];
    return fill(client, draft, validForm, materials);
  }

  const submit = (client: TestClient, draftId: string, key: string) =>
    client.request('POST', `/api/drafts/${draftId}/submit`, undefined, { headers: { 'Idempotency-Key': key } });

  it('submits a complete application once, numbers it and answers a retry with the same application', async () => {
    const draft = await completeDraft();
    const first = await submit(citizen, draft.id, 'key-first-0001');
    expect(first.status, first.text).toBe(201);
    const today = server.deps.clock.today().replaceAll('-', '');
    expect(first.body.number).toMatch(new RegExp(`^${FOOD}${today}\\d{4}$`));
    expect(first.body).toMatchObject({
      matterName: '食品经营许可',
      status: 'submitted',
      applicant: { name: '李春梅', idNumberMasked: '4399**********1280' },
      filedBy: null,
      promisedLimit: '6 个工作日',
    });
    expect(first.body.events.map((event: { type: string }) => event.type)).toEqual(['submitted']);
    const received = Object.fromEntries(
      first.body.materials.map((m: { materialId: string; files: unknown[] }) => [m.materialId, m.files.length]),
    );
    expect(received).toMatchObject({ premisesProof: 1, equipmentLayout: 1, safetyRules: 1, application: 0, businessLicence: 0 });
    expect(received).not.toHaveProperty('authLetter');

    const retry = await submit(citizen, draft.id, 'key-first-0001');
    expect(retry.status).toBe(200);
    expect(retry.body.number).toBe(first.body.number);
    const again = await submit(citizen, draft.id, 'key-first-0002');
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('DRAFT_SUBMITTED');

    const second = await completeDraft();
    const next = await submit(citizen, second.id, 'key-second-001');
    expect(Number(next.body.number.slice(-4))).toBe(Number(first.body.number.slice(-4)) + 1);

    const mine = await citizen.get('/api/applications');
    expect(mine.body.items.map((item: { number: string }) => item.number)).toEqual([next.body.number, first.body.number]);
    const status = await citizen.get(`/api/applications/${first.body.number}`);
    expect(status.status).toBe(200);
    expect(status.body.events[0]).toMatchObject({ type: 'submitted', title: '提交申请', actor: '李春梅' });
    const stored = await citizen.get(`/api/drafts/${draft.id}`);
    expect(stored.body).toMatchObject({ status: 'submitted', applicationNumber: first.body.number });
  });

  it('refuses an incomplete or invalid application with pointers, and stores nothing', async () => {
    const draft = await newDraft();
    const pdf = await upload(citizen, draft.id, 'premisesProof');
    const saved = await fill(
      citizen,
      draft,
      { ...validForm, phone: '12345', byAgent: true },
      { premisesProof: [pdf], authLetter: [] },
    );
    const before = await server.deps.db.query<{ n: number }>('SELECT count(*)::int AS n FROM applications');
    const refused = await submit(citizen, saved.id, 'key-invalid-01');
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('APPLICATION_INVALID');
    const issues = refused.body.error.details as { pointer: string; code: string; message: string }[];
    const byPointer = Object.fromEntries(issues.map((issue) => [issue.pointer, issue]));
    expect(byPointer['/formData/phone']?.message).toContain('联系电话');
    expect(byPointer['/formData/agentName']?.code).toBe('schema.required');
    expect(byPointer['/materials/equipmentLayout']).toMatchObject({ code: 'material.required' });
    expect(byPointer['/materials/authLetter']).toMatchObject({
      code: 'material.required',
      message: expect.stringContaining('授权委托书'),
    });
    expect(byPointer['/materials/premisesProof']).toBeUndefined();
    const after = await server.deps.db.query<{ n: number }>('SELECT count(*)::int AS n FROM applications');
    expect(after.rows[0]?.n).toBe(before.rows[0]?.n);
    expect((await citizen.get(`/api/drafts/${draft.id}`)).body.status).toBe('open');
  });

  it('refuses a material the situation does not call for and a file of the wrong type', async () => {
    const draft = await newDraft();
    const materials: Record<string, string[]> = {};
    for (const id of UPLOADED) materials[id] = [await upload(citizen, draft.id, id)];
    materials.authLetter = [await upload(citizen, draft.id, 'authLetter')];
    const saved = await fill(citizen, draft, validForm, materials);
    const refused = await submit(citizen, saved.id, 'key-notallowed');
    expect(refused.status).toBe(422);
    expect(refused.body.error.details).toEqual([
      expect.objectContaining({ pointer: '/materials/authLetter', code: 'material.not_allowed' }),
    ]);
  });

  it('keeps drafts private: someone else’s draft and files answer as unknown ones', async () => {
    const draft = await newDraft();
    const file = await upload(citizen, draft.id, 'premisesProof');
    const other = server.anonymous();
    const registered = await other.post('/api/citizens', {
      name: '王小二',
      idNumber: idNumber('19850101', '002'),
      phone: '13900139000',
      password: 'yunxi-2026-pass',
    });
    expect(registered.status, registered.text).toBe(201);
    other.csrfToken = registered.body.csrfToken;
    expect((await other.get(`/api/drafts/${draft.id}`)).status).toBe(404);
    expect((await submit(other, draft.id, 'key-someone-else')).body.error.code).toBe('DRAFT_NOT_FOUND');
    expect(
      (await uploadFile(other, { draftId: draft.id, materialId: 'premisesProof', name: 'x.pdf', bytes: samplePdf() })).status,
    ).toBe(404);
    const own = await newDraft(other);
    const stolen = await other.put(`/api/drafts/${own.id}`, {
      revision: own.revision,
      answers: {},
      formData: {},
      materials: { premisesProof: [file] },
    });
    expect(stolen.status).toBe(422);
    expect(stolen.body.error.details[0]).toMatchObject({ pointer: '/materials/premisesProof/0', code: 'file.not_found' });
    expect((await other.get('/api/applications')).body.items).toEqual([]);
  });

  it('serves the form validator of a version in effect as an immutable module, 304 on revalidation', async () => {
    const { version } = (await server.anonymous().get(`/api/matters/${FOOD}`)).body as { version: number };
    const first = await server.anonymous().get(`/api/matters/${FOOD}/versions/${version}/form.js`);
    expect(first.status).toBe(200);
    expect(first.text).toContain('export function validators(require)');
    expect(first.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const etag = first.headers.get('etag') ?? '';
    const again = await server.anonymous().request('GET', `/api/matters/${FOOD}/versions/${version}/form.js`, undefined, {
      headers: { 'If-None-Match': etag },
    });
    expect(again.status).toBe(304);
  });

  it('answers stale autosaves with a conflict, and refuses without an idempotency key', async () => {
    const draft = await newDraft();
    await fill(citizen, draft, { enterpriseName: '甲' }, {});
    const stale = await citizen.put(`/api/drafts/${draft.id}`, {
      revision: draft.revision,
      answers: {},
      formData: { enterpriseName: '乙' },
      materials: {},
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('DRAFT_CONFLICT');
    expect((await citizen.get(`/api/drafts/${draft.id}`)).body.formData).toEqual({ enterpriseName: '甲' });
    const keyless = await citizen.post(`/api/drafts/${draft.id}/submit`);
    expect(keyless.status).toBe(400);
    expect(keyless.body.error.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
  });

  it('refuses matters that are not published and checks the upload rules before reading a byte', async () => {
    expect((await citizen.post('/api/drafts', { matterCode: '11439901006010015W0001319999999' })).status).toBe(404);
    const draft = await newDraft();
    const paper = await uploadFile(citizen, { draftId: draft.id, materialId: 'application', name: 'a.pdf', bytes: samplePdf() });
    expect(paper.status).toBe(422);
    expect(paper.body.error.details[0].code).toBe('material.filled_online');
    const unknown = await uploadFile(citizen, {
      draftId: draft.id,
      materialId: 'noSuchMaterial',
      name: 'a.pdf',
      bytes: samplePdf(),
    });
    expect(unknown.body.error.details[0].code).toBe('material.unknown');
    expect(
      (await uploadFile(citizen, { draftId: draft.id, materialId: 'premisesProof', name: '场所.png', bytes: samplePng() }))
        .status,
    ).toBe(201);
  });

  it('moves a draft of a superseded version to the new one, keeping what fits and saying what changed', async () => {
    const legal = await server.login('legal');
    const draft = await newDraft();
    const file = await upload(citizen, draft.id, 'premisesProof');
    await fill(citizen, draft, { ...validForm, premisesArea: 30 }, { premisesProof: [file] });
    const current = await legal.get(`/api/matters/${FOOD}`);
    const created = await legal.post(`/api/matters/${FOOD}/transitions`, { action: 'newVersion' });
    expect(created.status, created.text).toBe(200);
    const document = structuredClone(current.body.document);
    delete document.form.schema.properties.premisesArea;
    document.timeLimits.promised.value = 7;
    document.materials = document.materials.filter((m: { id: string }) => m.id !== 'safetyRules');
    const saved = await legal.put(`/api/matters/${FOOD}/draft`, { revision: created.body.revision, document });
    expect(saved.status, saved.text).toBe(200);
    for (const action of ['submit', 'publish']) {
      const step = await legal.post(`/api/matters/${FOOD}/transitions`, { action });
      expect(step.status, step.text).toBe(200);
    }
    const refused = await submit(citizen, draft.id, 'key-superseded');
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('MATTER_VERSION_SUPERSEDED');
    const moved = await citizen.get(`/api/drafts/${draft.id}`);
    expect(moved.body.version).toBe(draft.version + 1);
    expect(moved.body.upgrade.changes).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^申请材料不再需要：“食品安全自查.*规章制度”$/),
        '申请表删去填写项：“经营场所面积（平方米）”',
        '承诺办结时限由 6 个工作日 改为 7 个工作日',
      ]),
    );
    expect(moved.body.upgrade.dropped).toEqual(['/formData/premisesArea']);
    expect(moved.body.formData.enterpriseName).toBe(validForm.enterpriseName);
    expect(moved.body.materials.premisesProof).toHaveLength(1);
  });
});

describe('代办: a window clerk files for a citizen', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ shouldSeedCatalog: true });
  });
  afterAll(async () => server?.close());

  it('files for the applicant, recorded as such, and the applicant sees it under 我的办件', async () => {
    const window = await server.login('scjg_window');
    const forCitizen = { name: '李春梅', idNumber: DEMO_CITIZEN_ID, phone: '13800138000' };
    expect((await window.post('/api/drafts', { matterCode: FOOD })).body.error.details[0].code).toBe(
      'applicant.on_behalf_required',
    );
    expect((await window.post('/api/drafts', { matterCode: FIRE, onBehalfOf: forCitizen })).body.error.code).toBe(
      'DEPARTMENT_SCOPE',
    );
    const badId = await window.post('/api/drafts', {
      matterCode: FOOD,
      onBehalfOf: { ...forCitizen, idNumber: '439901199003071281' },
    });
    expect(badId.body.error.details[0]).toMatchObject({ pointer: '/onBehalfOf/idNumber', code: 'citizen.id_number_check_digit' });
    const created = await window.post('/api/drafts', { matterCode: FOOD, onBehalfOf: forCitizen });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ isOnBehalf: true, applicant: { name: '李春梅', idNumberMasked: '4399**********1280' } });
    const materials: Record<string, string[]> = {};
    for (const id of UPLOADED) {
      const response = await uploadFile(window, {
        draftId: created.body.id,
        materialId: id,
        name: `${id}.pdf`,
        bytes: samplePdf(),
      });
      materials[id] = [response.body.id];
    }
    const saved = await window.put(`/api/drafts/${created.body.id}`, {
      revision: created.body.revision,
      answers: {},
      formData: validForm,
      materials,
    });
    const submitted = await window.request('POST', `/api/drafts/${saved.body.id}/submit`, undefined, {
      headers: { 'Idempotency-Key': 'window-key-001' },
    });
    expect(submitted.status, submitted.text).toBe(201);
    expect(submitted.body.filedBy).toEqual({ displayName: '刘晓燕', departmentName: expect.stringContaining('市场监督管理局') });
    expect(submitted.body.events[0]).toMatchObject({ type: 'submitted_on_behalf', title: '窗口代办提交申请', actor: '刘晓燕' });

    const citizen = await server.login(DEMO_CITIZEN_ID);
    const mine = await citizen.get('/api/applications');
    expect(mine.body.items).toEqual([expect.objectContaining({ number: submitted.body.number, isOnBehalf: true })]);
    expect((await citizen.get(`/api/applications/${submitted.body.number}`)).status).toBe(200);
    const fireWindow = await server.login('legal');
    expect((await fireWindow.get(`/api/applications/${submitted.body.number}`)).status).toBe(404);
  });
});
