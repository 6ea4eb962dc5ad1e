import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDueTimers } from '../../platform/src/scheduler';
import { DEMO_CITIZEN_ID, FOOD, FOOD_FORM, prepareFoodDraft, submitDraft } from '../support/foodApplication';
import { mutableClock } from '../support/mutableClock';
import { sampleDocx, sampleExe, samplePdf } from '../support/sampleFiles';
import { startTestServer, type TestServer } from '../support/startTestServer';
import type { TestClient, TestResponse } from '../support/TestClient';

// Wednesday 2026-12-02 in Shanghai; the applicant answers on Friday 12-04, so the new five working
// days run to Friday 12-11 (over the weekend).
const clock = mutableClock('2026-12-02T02:00:00Z');

let server: TestServer;
let citizen: TestClient;
let window: TestClient;
let stranger: TestClient;
let serial = 0;

const ITEMS = [
  { kind: 'material', materialId: 'premisesProof', reason: '经营场所使用证明已过期' },
  { kind: 'field', pointer: '/premisesAddress', reason: '经营场所地址与证明不一致' },
];

beforeAll(async () => {
  server = await startTestServer({ shouldSeedCatalog: true, clock });
  citizen = await server.login(DEMO_CITIZEN_ID);
  window = await server.login('scjg_window');
  stranger = server.anonymous();
  const registered = await stranger.post('/api/citizens', {
    name: '王小明',
    idNumber: '11010519491231002X',
    phone: '13900139000',
    password: 'stranger-2026-pass',
  });
  expect(registered.status, registered.text).toBe(201);
  await stranger.login('11010519491231002X', 'stranger-2026-pass');
});
afterAll(async () => server?.close());

const key = () => `supplement-answer-${(serial += 1)}-key`;

/** Moves the clock on; the sessions of the days before have lapsed, so everyone logs in again. */
async function moveTo(iso: string) {
  clock.set(iso);
  citizen = await server.login(DEMO_CITIZEN_ID);
  window = await server.login('scjg_window');
  await stranger.login('11010519491231002X', 'stranger-2026-pass');
}

async function submitFood(): Promise<string> {
  const draft = await prepareFoodDraft(citizen);
  const submitted = await submitDraft(citizen, draft.id, key());
  expect(submitted.status, submitted.text).toBe(201);
  return submitted.body.number as string;
}

async function caseOf(number: string) {
  const response = await window.get(`/api/cases/${number}`);
  expect(response.status, response.text).toBe(200);
  return response.body;
}

/** The window's 补正 notice listing the two items (or those given). */
async function askFor(number: string, items: object[] = ITEMS) {
  const { revision } = await caseOf(number);
  const asked = await window.post(`/api/cases/${number}/actions`, {
    action: 'supplement',
    idempotencyKey: key(),
    revision,
    items,
  });
  expect(asked.status, asked.text).toBe(200);
  return asked.body;
}

/** POST /api/files for a material of a submitted application, as the 补正 page sends it. */
async function uploadFor(
  client: TestClient,
  {
    number,
    materialId,
    bytes,
    name = '经营场所使用证明.pdf',
  }: { number: string; materialId: string; bytes: Uint8Array; name?: string },
): Promise<TestResponse> {
  const form = new FormData();
  form.set('applicationNumber', number);
  form.set('materialId', materialId);
  form.set('file', new Blob([bytes], { type: 'application/octet-stream' }), name);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  const body = new Uint8Array(await request.arrayBuffer());
  return client.request('POST', '/api/files', body, { contentType: request.headers.get('content-type') ?? '' });
}

const answer = (client: TestClient, number: string, body: Record<string, unknown>) =>
  client.post(`/api/cases/${number}/supplement`, body);

async function rowsOf(number: string) {
  const events = await server.deps.db.query<{ type: string; details: Record<string, unknown> }>(
    `SELECT e.type, e.details FROM application_events e JOIN applications a ON a.id = e.application_id
     WHERE a.number = $1 ORDER BY e.id`,
    [number],
  );
  const application = await server.deps.db.query<{
    form_data: Record<string, unknown>;
    materials: { materialId: string; fileIds: string[] }[];
  }>('SELECT form_data, materials FROM applications WHERE number = $1', [number]);
  const timers = await server.deps.db.query<{ due_at: Date; state: string }>(
    `SELECT due_at, state FROM timers WHERE kind = 'case.acceptance' AND payload ->> 'number' = $1`,
    [number],
  );
  const caseRow = await server.deps.db.query<{ status: string; complete_on: string; revision: number }>(
    `SELECT c.status, c.complete_on::text AS complete_on, c.revision FROM cases c JOIN applications a ON a.id = c.application_id
     WHERE a.number = $1`,
    [number],
  );
  return { events: events.rows, application: application.rows[0], timers: timers.rows, case: caseRow.rows[0] };
}

const codesOf = (response: TestResponse) =>
  (response.body.error.details as { pointer: string; code: string }[]).map((issue) => [issue.pointer, issue.code]);

describe('the applicant answers a 补正 with exactly the listed items', () => {
  it('loop: a notice with two items, the answer, the five days anew, and the window accepts', async () => {
    const number = await submitFood();
    await askFor(number);
    const asked = await citizen.get(`/api/cases/${number}/progress`);
    expect(asked.status, asked.text).toBe(200);
    expect(asked.body).toMatchObject({
      status: 'supplementing',
      statusLabel: '待补正',
      acceptanceDue: null,
      expected: null,
      supplement: {
        notice: 1,
        items: [
          {
            kind: 'material',
            materialId: 'premisesProof',
            name: '与食品经营相适应的经营场所使用证明',
            reason: '经营场所使用证明已过期',
            isUpload: true,
            accept: ['pdf', 'jpg', 'png'],
          },
          { kind: 'field', pointer: '/premisesAddress', name: '经营场所', reason: '经营场所地址与证明不一致' },
        ],
      },
    });
    // Nothing of the staff side: no task holders, no staff names.
    expect(JSON.stringify(asked.body)).not.toContain('刘晓燕');
    expect(asked.body.timeline.at(-1)).toMatchObject({
      type: 'case_supplement_requested',
      title: '一次性告知补正',
      detail: {
        noticeNumber: 1,
        items: [
          { name: '与食品经营相适应的经营场所使用证明', reason: '经营场所使用证明已过期' },
          { name: '经营场所', reason: '经营场所地址与证明不一致' },
        ],
      },
    });

    await moveTo('2026-12-04T03:00:00Z'); // Friday
    const uploaded = await uploadFor(citizen, { number, materialId: 'premisesProof', bytes: samplePdf('renewed lease') });
    expect(uploaded.status, uploaded.text).toBe(201);
    const body = {
      idempotencyKey: key(),
      notice: 1,
      materials: { premisesProof: [uploaded.body.id] },
      formData: { premisesAddress: '云溪县城关镇解放路 14 号' },
    };
    const answered = await answer(citizen, number, body);
    expect(answered.status, answered.text).toBe(200);
    expect(answered.body).toEqual({ number, status: 'received', statusLabel: '待受理', acceptanceDue: '2026-12-11' });

    const rows = await rowsOf(number);
    expect(rows.case).toMatchObject({ status: 'received', complete_on: '2026-12-04' });
    // Revived: due once the new deadline has passed, from midnight in Shanghai (the Monday after).
    expect(rows.timers).toEqual([{ due_at: new Date('2026-12-13T16:00:00Z'), state: 'pending' }]);
    expect(rows.application?.form_data).toEqual({ ...FOOD_FORM, premisesAddress: '云溪县城关镇解放路 14 号' });
    expect(rows.application?.materials.find((m) => m.materialId === 'premisesProof')?.fileIds).toEqual([uploaded.body.id]);
    expect(rows.events.at(-1)).toMatchObject({
      type: 'case_supplement_answered',
      details: {
        noticeNumber: 1,
        completeOn: '2026-12-04',
        acceptanceDue: '2026-12-11',
        before: 'supplementing',
        after: 'received',
      },
    });
    // The staff may open the new file: it was received with the application.
    const links = await server.deps.db.query('SELECT 1 FROM application_files WHERE file_id = $1', [uploaded.body.id]);
    expect(links.rows).toHaveLength(1);

    const read = await citizen.get(`/api/applications/${number}`);
    expect(read.body.formData.premisesAddress).toBe('云溪县城关镇解放路 14 号');
    const { revision } = await caseOf(number);
    const accepted = await window.post(`/api/cases/${number}/actions`, { action: 'accept', idempotencyKey: key(), revision });
    expect(accepted.status, accepted.text).toBe(200);
    const progress = await citizen.get(`/api/cases/${number}/progress`);
    expect(progress.body).toMatchObject({ status: 'in_review', acceptedOn: '2026-12-04', supplement: null });
    expect(progress.body.expected).toMatchObject({ provisional: false });
    expect(progress.body.timeline.map((event: { type: string }) => event.type)).toEqual([
      'submitted',
      'case_supplement_requested',
      'case_supplement_answered',
      'case_accepted',
    ]);
    expect((await rowsOf(number)).timers).toEqual([{ due_at: new Date('2026-12-13T16:00:00Z'), state: 'cancelled' }]);
  });

  it('an unanswered application after the answer is deemed accepted from the day it was complete', async () => {
    const number = await submitFood(); // Friday 12-04
    await askFor(number, ITEMS.slice(1));
    await moveTo('2026-12-07T03:00:00Z'); // Monday: the five working days run to Monday 12-14
    const answered = await answer(citizen, number, {
      idempotencyKey: key(),
      notice: 1,
      formData: { premisesAddress: '解放路 16 号' },
    });
    expect(answered.status, answered.text).toBe(200);
    expect(answered.body.acceptanceDue).toBe('2026-12-14');
    await moveTo('2026-12-14T15:59:00Z'); // 23:59 on the deadline: not yet
    await runDueTimers(server.deps, { handlers: server.timerHandlers });
    expect((await caseOf(number)).status).toBe('received');
    await moveTo('2026-12-14T16:30:00Z'); // 00:30 on Tuesday 12-15
    await runDueTimers(server.deps, { handlers: server.timerHandlers });
    expect(await caseOf(number)).toMatchObject({ status: 'in_review', acceptedOn: '2026-12-07' });
    const progress = await citizen.get(`/api/cases/${number}/progress`);
    expect(progress.body.timeline.at(-1)).toMatchObject({ type: 'case_deemed_accepted', detail: { acceptedOn: '2026-12-07' } });
  });

  it('refuses anything the notice did not list, and a listed item left out, with pointers; nothing is stored', async () => {
    const number = await submitFood();
    await askFor(number);
    const before = await rowsOf(number);
    const uploaded = await uploadFor(citizen, { number, materialId: 'premisesProof', bytes: samplePdf('another') });
    expect(uploaded.status, uploaded.text).toBe(201);
    const extra = await answer(citizen, number, {
      idempotencyKey: key(),
      notice: 1,
      materials: { premisesProof: [uploaded.body.id], safetyRules: [uploaded.body.id] },
      formData: { premisesAddress: '解放路 14 号', enterpriseName: '换个名字' },
    });
    expect(extra.status, extra.text).toBe(422);
    expect(extra.body.error.code).toBe('SUPPLEMENT_ANSWER_INVALID');
    expect(codesOf(extra)).toEqual([
      ['/materials/safetyRules', 'supplement.not_listed'],
      ['/formData/enterpriseName', 'supplement.not_listed'],
    ]);
    const missing = await answer(citizen, number, { idempotencyKey: key(), notice: 1 });
    expect(missing.status, missing.text).toBe(422);
    expect(codesOf(missing)).toEqual([
      ['/materials/premisesProof', 'supplement.item_missing'],
      ['/formData/premisesAddress', 'supplement.item_missing'],
    ]);
    expect(missing.body.error.details[1].message).toBe('补正通知要求修改“经营场所”');
    // The form is validated as a whole against the pinned version, as a submit is.
    const invalid = await answer(citizen, number, {
      idempotencyKey: key(),
      notice: 1,
      materials: { premisesProof: [uploaded.body.id] },
      formData: { premisesAddress: 12 },
    });
    expect(invalid.status, invalid.text).toBe(422);
    expect(codesOf(invalid)).toEqual([['/formData/premisesAddress', 'schema.type']]);
    // A notice that is not the one open (a second one came meanwhile) is stale.
    const stale = await answer(citizen, number, { idempotencyKey: key(), notice: 2, formData: { premisesAddress: 'x' } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('CASE_REVISION_CONFLICT');
    // An upload for a material the notice does not list is refused before its bytes are read.
    const unlisted = await uploadFor(citizen, { number, materialId: 'safetyRules', bytes: samplePdf() });
    expect(unlisted.status, unlisted.text).toBe(422);
    expect(codesOf(unlisted)).toEqual([['/materialId', 'supplement.not_listed']]);
    const after = await rowsOf(number);
    expect(after.events).toEqual(before.events);
    expect(after.application).toEqual(before.application);
    expect(after.case).toEqual(before.case);
  });

  it('checks each file as a submit does: type by content at upload, owner and existence at the answer', async () => {
    const number = await submitFood();
    await askFor(number, ITEMS.slice(0, 1));
    const docx = await uploadFor(citizen, { number, materialId: 'premisesProof', bytes: sampleDocx(), name: '证明.pdf' });
    expect(docx.status, docx.text).toBe(422);
    expect(docx.body.error.code).toBe('FILE_TYPE_NOT_ALLOWED');
    const exe = await uploadFor(citizen, { number, materialId: 'premisesProof', bytes: sampleExe(), name: '证明.pdf' });
    expect(exe.status).toBe(422);
    expect(exe.body.error.code).toBe('FILE_TYPE_FORBIDDEN');
    // Someone else's file (the stranger's draft upload) is not the applicant's to hand in.
    const strangersDraft = await stranger.post('/api/drafts', { matterCode: FOOD });
    expect(strangersDraft.status, strangersDraft.text).toBe(201);
    const form = new FormData();
    form.set('draftId', strangersDraft.body.id);
    form.set('materialId', 'premisesProof');
    form.set('file', new Blob([samplePdf('stranger')]), 'x.pdf');
    const request = new Request('http://localhost/', { method: 'POST', body: form });
    const foreign = await stranger.request('POST', '/api/files', new Uint8Array(await request.arrayBuffer()), {
      contentType: request.headers.get('content-type') ?? '',
    });
    expect(foreign.status, foreign.text).toBe(201);
    const answered = await answer(citizen, number, {
      idempotencyKey: key(),
      notice: 1,
      materials: { premisesProof: [foreign.body.id, '00000000-0000-4000-8000-000000000000'] },
    });
    expect(answered.status, answered.text).toBe(422);
    expect(codesOf(answered)).toEqual([
      ['/materials/premisesProof/0', 'file.not_found'],
      ['/materials/premisesProof/1', 'file.not_found'],
    ]);
    expect((await rowsOf(number)).case?.status).toBe('supplementing');
  });

  it('only the applicant answers: a stranger and other staff get 404, anonymous 401, a reviewer 403', async () => {
    const number = await submitFood();
    await askFor(number, ITEMS.slice(1));
    const body = { idempotencyKey: key(), notice: 1, formData: { premisesAddress: '解放路 14 号' } };
    const byStranger = await answer(stranger, number, body);
    expect(byStranger.status, byStranger.text).toBe(404);
    expect(byStranger.body.error.code).toBe('CASE_NOT_FOUND');
    expect((await stranger.get(`/api/cases/${number}/progress`)).status).toBe(404);
    // The department's window reads the case but did not file it: not theirs to answer.
    const byWindow = await answer(window, number, body);
    expect(byWindow.status).toBe(404);
    const byReviewer = await answer(await server.login('scjg_reviewer'), number, body);
    expect(byReviewer.status).toBe(403);
    expect((await answer(server.anonymous(), number, body)).status).toBe(401);
    const upload = await uploadFor(stranger, { number, materialId: 'premisesProof', bytes: samplePdf() });
    expect(upload.status).toBe(404);
    expect((await rowsOf(number)).case?.status).toBe('supplementing');
  });

  it('the clerk who filed a 代办 answers it, and so does the citizen it was filed for', async () => {
    const created = await window.post('/api/drafts', {
      matterCode: FOOD,
      onBehalfOf: { name: '李春梅', idNumber: DEMO_CITIZEN_ID, phone: '13800138000' },
    });
    expect(created.status, created.text).toBe(201);
    const materials: Record<string, string[]> = {};
    for (const materialId of ['premisesProof', 'equipmentLayout', 'safetyRules']) {
      const form = new FormData();
      form.set('draftId', created.body.id);
      form.set('materialId', materialId);
      form.set('file', new Blob([samplePdf(materialId)]), `${materialId}.pdf`);
      const request = new Request('http://localhost/', { method: 'POST', body: form });
      const uploaded = await window.request('POST', '/api/files', new Uint8Array(await request.arrayBuffer()), {
        contentType: request.headers.get('content-type') ?? '',
      });
      expect(uploaded.status, uploaded.text).toBe(201);
      materials[materialId] = [uploaded.body.id];
    }
    const saved = await window.put(`/api/drafts/${created.body.id}`, {
      revision: created.body.revision,
      answers: {},
      formData: FOOD_FORM,
      materials,
    });
    expect(saved.status, saved.text).toBe(200);
    const submitted = await submitDraft(window, created.body.id, key());
    expect(submitted.status, submitted.text).toBe(201);
    const number = submitted.body.number as string;
    await askFor(number, ITEMS.slice(1));
    const byClerk = await answer(window, number, {
      idempotencyKey: key(),
      notice: 1,
      formData: { premisesAddress: '解放路 18 号' },
    });
    expect(byClerk.status, byClerk.text).toBe(200);
    await askFor(number, ITEMS.slice(0, 1));
    const uploaded = await uploadFor(citizen, { number, materialId: 'premisesProof', bytes: samplePdf('from the citizen') });
    expect(uploaded.status, uploaded.text).toBe(201);
    // The clerk's files already received stay valid beside the citizen's own.
    const byCitizen = await answer(citizen, number, {
      idempotencyKey: key(),
      notice: 2,
      materials: { premisesProof: [uploaded.body.id] },
    });
    expect(byCitizen.status, byCitizen.text).toBe(200);
  });

  it('refuses an answer when no 补正 is open; a retry with the key answers the first result and writes nothing', async () => {
    const number = await submitFood();
    const early = await answer(citizen, number, { idempotencyKey: key(), notice: 1, formData: { premisesAddress: 'x' } });
    expect(early.status, early.text).toBe(409);
    expect(early.body.error.code).toBe('CASE_NOT_SUPPLEMENTING');
    const early2 = await uploadFor(citizen, { number, materialId: 'premisesProof', bytes: samplePdf() });
    expect(early2.status).toBe(409);
    expect(early2.body.error.code).toBe('CASE_NOT_SUPPLEMENTING');
    await askFor(number, ITEMS.slice(1));
    const body = { idempotencyKey: key(), notice: 1, formData: { premisesAddress: '解放路 20 号' } };
    const first = await answer(citizen, number, body);
    expect(first.status, first.text).toBe(200);
    const eventsAfterFirst = (await rowsOf(number)).events.length;
    const retry = await answer(citizen, number, body);
    expect(retry.status, retry.text).toBe(200);
    expect(retry.body).toEqual(first.body);
    expect((await rowsOf(number)).events).toHaveLength(eventsAfterFirst);
    // A new key on an answered case: nothing is open any more.
    const again = await answer(citizen, number, { ...body, idempotencyKey: key() });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('CASE_NOT_SUPPLEMENTING');
    // The same key on another case of the applicant's.
    const other = await submitFood();
    await askFor(other, ITEMS.slice(1));
    const reused = await answer(citizen, other, body);
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe('CASE_ACTION_KEY_REUSED');
  });

  it('allows a second notice after the answer, recorded and flagged, and the applicant answers it too', async () => {
    const number = await submitFood();
    await askFor(number, ITEMS.slice(1));
    const first = await answer(citizen, number, {
      idempotencyKey: key(),
      notice: 1,
      formData: { premisesAddress: '解放路 22 号' },
    });
    expect(first.status, first.text).toBe(200);
    const second = await askFor(number, ITEMS.slice(0, 1));
    expect(second).toMatchObject({ status: 'supplementing', supplementCount: 2 });
    const progress = await citizen.get(`/api/cases/${number}/progress`);
    expect(progress.body.supplement.notice).toBe(2);
    const notices = (await rowsOf(number)).events.filter((event) => event.type === 'case_supplement_requested');
    expect(notices.map((event) => event.details.isRepeated)).toEqual([false, true]);
    const queue = await window.get('/api/cases?queue=acceptance');
    const uploaded = await uploadFor(citizen, { number, materialId: 'premisesProof', bytes: samplePdf('second') });
    const answered = await answer(citizen, number, {
      idempotencyKey: key(),
      notice: 2,
      materials: { premisesProof: [uploaded.body.id] },
    });
    expect(answered.status, answered.text).toBe(200);
    const after = await window.get('/api/cases?queue=acceptance');
    expect(queue.body.items.map((item: { number: string }) => item.number)).not.toContain(number);
    expect(after.body.items.find((item: { number: string }) => item.number === number)).toMatchObject({ supplementCount: 2 });
  });
});
