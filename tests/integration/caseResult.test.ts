import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CITIZEN_ID, prepareFoodDraft, submitDraft } from '../support/foodApplication';
import { mutableClock } from '../support/mutableClock';
import { samplePdf, samplePng, sampleZip } from '../support/sampleFiles';
import { startTestServer, type TestServer } from '../support/startTestServer';
import type { TestClient, TestResponse } from '../support/TestClient';

// An hour after the catalog was seeded (the seed publishes with the real date, so a fixed past day
// would find no matter in force). The food licence: 受理 → 材料审查 (reviewer) → 许可决定 (chief).
const clock = mutableClock(new Date(Date.now() + 3_600_000).toISOString());
const HEALTH = '11439901006010023P';
const PASSWORD = 'case-result-staff-2026';

let server: TestServer;
let citizen: TestClient;
let stranger: TestClient;
let window: TestClient;
let reviewer: TestClient;
let chief: TestClient;
let healthChief: TestClient;

beforeAll(async () => {
  server = await startTestServer({ shouldSeedCatalog: true, clock });
  citizen = await server.login(DEMO_CITIZEN_ID);
  window = await server.login('scjg_window');
  reviewer = await server.login('scjg_reviewer');
  chief = await server.login('scjg_chief');
  stranger = server.anonymous();
  const registered = await stranger.post('/api/citizens', {
    idNumber: '11010519491231002X',
    name: '王五',
    phone: '13900000002',
    password: 'stranger-2026-pass',
  });
  expect(registered.status, registered.text).toBe(201);
  await stranger.login('11010519491231002X', 'stranger-2026-pass');
  const sysadmin = await server.login('sysadmin');
  const created = await sysadmin.post('/api/users', {
    username: 'wsj_chief_r',
    displayName: '卫健首席',
    role: 'chief',
    departmentCode: HEALTH,
    password: PASSWORD,
  });
  expect(created.status, created.text).toBe(201);
  healthChief = server.anonymous();
  await healthChief.login('wsj_chief_r', PASSWORD);
});
afterAll(async () => server?.close());

let keys = 0;
const key = () => `case-result-${(keys += 1)}-key`;

const expectStatus = (response: TestResponse, status: number, code?: string) => {
  expect(response.status, response.text).toBe(status);
  if (code) expect(response.body.error.code).toBe(code);
  return response.body;
};

const revisionOf = async (number: string) => expectStatus(await window.get(`/api/cases/${number}`), 200).revision as number;

async function act(client: TestClient, number: string, taskId: string, body: Record<string, unknown>) {
  const revision = await revisionOf(number);
  return client.post(`/api/cases/${number}/tasks/${taskId}/actions`, { idempotencyKey: key(), revision, ...body });
}

/** A food licence submitted and accepted; `decide` takes it on to 准予 or 不予. */
async function food(decide?: 'approve' | 'deny'): Promise<string> {
  const draft = await prepareFoodDraft(citizen);
  const submitted = expectStatus(await submitDraft(citizen, draft.id, key()), 201);
  const number = submitted.number as string;
  expectStatus(await window.post(`/api/cases/${number}/actions`, { action: 'accept', idempotencyKey: key(), revision: 1 }), 200);
  if (!decide) return number;
  expectStatus(await act(reviewer, number, 't2', { action: 'approve' }), 200);
  const decision =
    decide === 'approve' ? { action: 'decide', resultNumber: 'JY14399010099999' } : { action: 'deny', reason: '场所不符合要求' };
  expectStatus(await act(chief, number, 't3', decision), 200);
  return number;
}

/** POST /api/files for a case's result: the case number alone, then the file. */
async function uploadResult(client: TestClient, number: string, bytes: Uint8Array, name = '食品经营许可证.pdf') {
  const form = new FormData();
  form.set('caseNumber', number);
  form.set('file', new Blob([bytes]), name);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  const body = new Uint8Array(await request.arrayBuffer());
  return client.request('POST', '/api/files', body, { contentType: request.headers.get('content-type') ?? '' });
}

const attach = async (client: TestClient, number: string, fileId: string) =>
  client.post(`/api/cases/${number}/result`, { idempotencyKey: key(), revision: await revisionOf(number), fileId });

describe('the result of a decided case', () => {
  it('is attached by the chief after 准予 and downloaded by the applicant alone', async () => {
    const number = await food('approve');
    const uploaded = expectStatus(await uploadResult(chief, number, samplePdf('licence')), 201);
    expect(uploaded).toMatchObject({ name: '食品经营许可证.pdf', mediaType: 'application/pdf' });
    const attached = expectStatus(await attach(chief, number, uploaded.id), 200);
    expect(attached.result).toEqual({
      fileId: uploaded.id,
      name: '食品经营许可证.pdf',
      size: uploaded.size,
      mediaType: 'application/pdf',
      attachedOn: clock.today(),
    });

    // The applicant's read carries it, with the decision; the timeline says it can be downloaded.
    const progress = expectStatus(await citizen.get(`/api/cases/${number}/progress`), 200);
    expect(progress.decision).toMatchObject({ outcome: 'approved', resultNumber: 'JY14399010099999' });
    expect(progress.result).toMatchObject({ fileId: uploaded.id, name: '食品经营许可证.pdf' });
    expect(progress.timeline.at(-1)).toEqual({
      at: expect.any(String),
      type: 'case_result_attached',
      title: '许可结果文件可下载',
      detail: {},
    });

    const download = await citizen.get(`/api/files/${uploaded.id}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toContain('attachment');

    // Another citizen gets 404 for the read and the file, exactly as for what does not exist.
    expectStatus(await stranger.get(`/api/cases/${number}/progress`), 404, 'CASE_NOT_FOUND');
    expectStatus(await stranger.get(`/api/files/${uploaded.id}`), 404, 'FILE_NOT_FOUND');
    // Unscanned, it reaches no other clerk; scanned clean, the case's staff may open it, others not.
    expectStatus(await window.get(`/api/files/${uploaded.id}`), 404, 'FILE_NOT_FOUND');
    await server.deps.db.query(`UPDATE files SET scan_status = 'clean', scanned_at = $2 WHERE id = $1`, [
      uploaded.id,
      clock.now(),
    ]);
    expect((await window.get(`/api/files/${uploaded.id}`)).status).toBe(200);
    expectStatus(await healthChief.get(`/api/files/${uploaded.id}`), 404, 'FILE_NOT_FOUND');
    expectStatus(await stranger.get(`/api/files/${uploaded.id}`), 404, 'FILE_NOT_FOUND');
    // The staff read shows it to the case's staff.
    expect((await window.get(`/api/cases/${number}`)).body.result).toMatchObject({ fileId: uploaded.id });
  });

  it('is refused before a decision, after a 不予, and for other roles and departments', async () => {
    const open = await food();
    expectStatus(await uploadResult(chief, open, samplePdf('early')), 409, 'CASE_ACTION_NOT_ALLOWED');
    expectStatus(await uploadResult(citizen, open, samplePdf('mine')), 403, 'FORBIDDEN');

    const denied = await food('deny');
    expectStatus(await uploadResult(chief, denied, samplePdf('denied')), 409, 'CASE_ACTION_NOT_ALLOWED');

    const approved = await food('approve');
    expectStatus(await uploadResult(reviewer, approved, samplePdf('reviewer')), 403, 'FORBIDDEN');
    expectStatus(await uploadResult(healthChief, approved, samplePdf('health')), 403, 'DEPARTMENT_SCOPE');
    expectStatus(await uploadResult(chief, '11439901006010015W000131024000199999999', samplePdf('none')), 404);
    // An archive is no licence, whatever its name says.
    expectStatus(await uploadResult(chief, approved, sampleZip(), '许可证.pdf'), 422, 'FILE_TYPE_FORBIDDEN');
    // caseNumber stands alone: with a material it is a malformed form.
    const form = new FormData();
    form.set('caseNumber', approved);
    form.set('materialId', 'premisesProof');
    form.set('file', new Blob([samplePdf('x')]), 'x.pdf');
    const request = new Request('http://localhost/', { method: 'POST', body: form });
    const mixed = await chief.request('POST', '/api/files', new Uint8Array(await request.arrayBuffer()), {
      contentType: request.headers.get('content-type') ?? '',
    });
    expectStatus(mixed, 400, 'UPLOAD_INVALID');

    // The attach itself: other roles 403, before a decision 409, someone else's file 422 at /fileId.
    const mine = expectStatus(await uploadResult(chief, approved, samplePng()), 201);
    expectStatus(await attach(reviewer, approved, mine.id), 403, 'FORBIDDEN');
    expectStatus(await attach(citizen, approved, mine.id), 403, 'FORBIDDEN');
    expectStatus(await attach(chief, open, mine.id), 409, 'CASE_ACTION_NOT_ALLOWED');
    const notHers = await attach(window, approved, mine.id);
    expect(expectStatus(notHers, 422, 'VALIDATION_FAILED').error.details).toEqual([
      { pointer: '/fileId', code: 'case.result_file_invalid', message: '须是本人为该办件上传的结果文件（PDF 或 JPG、PNG 图片）' },
    ]);
    const unknown = await attach(chief, approved, '00000000-0000-4000-8000-000000000000');
    expectStatus(unknown, 422, 'VALIDATION_FAILED');
    const stale = await chief.post(`/api/cases/${approved}/result`, { idempotencyKey: key(), revision: 1, fileId: mine.id });
    expectStatus(stale, 409, 'CASE_REVISION_CONFLICT');
    const noFile = await chief.post(`/api/cases/${approved}/result`, { idempotencyKey: key(), revision: 1 });
    expect(expectStatus(noFile, 422, 'VALIDATION_FAILED').error.details[0]).toMatchObject({ pointer: '/fileId' });
  });

  it('comes with the delivery from the window, and a retry answers the first result', async () => {
    const number = await food('approve');
    const uploaded = expectStatus(await uploadResult(window, number, samplePdf('at the counter')), 201);
    const body = {
      idempotencyKey: key(),
      revision: await revisionOf(number),
      method: 'onSite',
      resultFileId: uploaded.id,
    };
    const completed = expectStatus(await window.post(`/api/cases/${number}/completion`, body), 200);
    expect(completed).toMatchObject({ status: 'completed', result: { fileId: uploaded.id } });
    const again = expectStatus(await window.post(`/api/cases/${number}/completion`, body), 200);
    expect(again).toEqual(completed);
    const progress = expectStatus(await citizen.get(`/api/cases/${number}/progress`), 200);
    expect(progress.result).toMatchObject({ fileId: uploaded.id });
    expect((await citizen.get(`/api/files/${uploaded.id}`)).status).toBe(200);
    // On a completed case the chief may still replace it with a better scan.
    const better = expectStatus(await uploadResult(chief, number, samplePdf('better scan')), 201);
    expect(expectStatus(await attach(chief, number, better.id), 200).result).toMatchObject({ fileId: better.id });
  });
});
