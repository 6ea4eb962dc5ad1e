import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDueTimers } from '../../platform/src/scheduler';
import { DEMO_CITIZEN_ID, prepareFoodDraft, submitDraft } from '../support/foodApplication';
import { mutableClock } from '../support/mutableClock';
import { startTestServer, type TestServer } from '../support/startTestServer';
import type { TestClient } from '../support/TestClient';

// Wednesday 2026-12-02, 10:00 in Shanghai: the five working days end on Wednesday 12-09, over a weekend.
const clock = mutableClock('2026-12-02T02:00:00Z');
const HEALTH = '11439901006010023P'; // 云溪县卫生健康局: not the food licence's department
const PASSWORD = 'window-clerk-2026';

let server: TestServer;
let citizen: TestClient;
let window: TestClient;
let reviewer: TestClient;
let otherWindow: TestClient;
let serial = 0;

beforeAll(async () => {
  server = await startTestServer({ shouldSeedCatalog: true, clock });
  citizen = await server.login(DEMO_CITIZEN_ID);
  window = await server.login('scjg_window');
  reviewer = await server.login('scjg_reviewer');
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
});
afterAll(async () => server?.close());

/** A 食品经营许可 submitted by the demo citizen: its number. */
async function submitFood(): Promise<string> {
  const draft = await prepareFoodDraft(citizen);
  serial += 1;
  const submitted = await submitDraft(citizen, draft.id, `case-submit-${serial}-key`);
  expect(submitted.status, submitted.text).toBe(201);
  return submitted.body.number as string;
}

const act = (client: TestClient, number: string, body: Record<string, unknown>) =>
  client.post(`/api/cases/${number}/actions`, body);

let keys = 0;
const key = () => `case-action-${(keys += 1)}-key`;

async function caseOf(number: string) {
  const response = await window.get(`/api/cases/${number}`);
  expect(response.status, response.text).toBe(200);
  return response.body;
}

async function eventsOf(number: string) {
  const { rows } = await server.deps.db.query<{ type: string; actor_name: string | null; details: Record<string, unknown> }>(
    `SELECT e.type, e.actor_name, e.details FROM application_events e JOIN applications a ON a.id = e.application_id
     WHERE a.number = $1 ORDER BY e.id`,
    [number],
  );
  return rows;
}

describe('cases: opened at submit, acceptance at the window', () => {
  it('opens the case with the submit, due for an answer within five working days, in the window queue', async () => {
    const number = await submitFood();
    const view = await caseOf(number);
    expect(view).toMatchObject({
      number,
      status: 'received',
      statusLabel: '待受理',
      receivedOn: '2026-12-02',
      acceptanceDue: '2026-12-09',
      acceptedOn: null,
      revision: 1,
      clock: null,
      tasks: [],
    });
    const timers = await server.deps.db.query<{ due_at: Date; state: string }>(
      `SELECT due_at, state FROM timers WHERE kind = 'case.acceptance' AND payload ->> 'number' = $1`,
      [number],
    );
    // The day after the deadline, from midnight in Shanghai.
    expect(timers.rows).toEqual([{ due_at: new Date('2026-12-09T16:00:00Z'), state: 'pending' }]);
    const queue = await window.get('/api/cases?queue=acceptance');
    expect(queue.status, queue.text).toBe(200);
    // Each item carries its deadline and level, so the queue needs no read per case: 5 working days left.
    expect(queue.body.items.find((item: { number: string }) => item.number === number)).toEqual({
      number,
      matterName: '食品经营许可',
      applicantName: '李春梅',
      receivedOn: '2026-12-02',
      isGreenChannel: false,
      supplementCount: 0,
      acceptanceDue: '2026-12-09',
      provisional: false,
      workdaysLeft: 5,
      level: 'normal',
    });
    const elsewhere = await otherWindow.get('/api/cases?queue=acceptance');
    expect(elsewhere.body.items.map((item: { number: string }) => item.number)).not.toContain(number);
  });

  it('accepts: the clock starts on the promised limit, the flow moves past the window step, the timeline says 已受理', async () => {
    const number = await submitFood();
    const answer = await act(window, number, { action: 'accept', idempotencyKey: key(), revision: 1 });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body).toMatchObject({
      // 受理 opens the review step at once: the case is 审查中.
      status: 'in_review',
      acceptedOn: '2026-12-02',
      acceptanceDue: null,
      revision: 2,
      // 6 working days from the day after 受理: 3, 4, 7, 8, 9, 10 December.
      clock: { startedOn: '2026-12-02', due: '2026-12-10', budgetWorkdays: 6, workdaysLeft: 6, level: 'normal' },
      flowStatus: 'running',
      tasks: [{ name: '材料审查及现场核查', role: 'reviewer', department: '11439901006010015W', assignee: null }],
    });
    const timeline = await citizen.get(`/api/applications/${number}`);
    expect(timeline.body.events.map((event: { title: string }) => event.title)).toEqual(['提交申请', '已受理']);
    const [, accepted] = await eventsOf(number);
    expect(accepted).toMatchObject({
      type: 'case_accepted',
      actor_name: '刘晓燕',
      details: { before: 'received', after: 'in_review' },
    });
    const timer = await server.deps.db.query(`SELECT state FROM timers WHERE payload ->> 'number' = $1`, [number]);
    expect(timer.rows).toEqual([{ state: 'cancelled' }]);
    const again = await act(window, number, {
      action: 'refuse',
      idempotencyKey: key(),
      revision: 2,
      reasonCode: 'other',
      reasonText: '晚了',
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('CASE_ACTION_NOT_ALLOWED');
  });

  it('answers a retry with the same key with the first result and writes nothing', async () => {
    const number = await submitFood();
    const body = { action: 'accept', idempotencyKey: key(), revision: 1 };
    const first = await act(window, number, body);
    const retry = await act(window, number, body);
    expect(retry.status, retry.text).toBe(200);
    expect(retry.body).toEqual(first.body);
    expect((await eventsOf(number)).map((event) => event.type)).toEqual(['submitted', 'case_accepted']);
    expect((await caseOf(number)).revision).toBe(2);
    const elsewhere = await act(window, await submitFood(), body);
    expect(elsewhere.status).toBe(422);
    expect(elsewhere.body.error.code).toBe('CASE_ACTION_KEY_REUSED');
  });

  it('lets one of two accepts on the same revision win; the other gets 409', async () => {
    const number = await submitFood();
    const answers = await Promise.all([
      act(window, number, { action: 'accept', idempotencyKey: key(), revision: 1 }),
      act(window, number, { action: 'accept', idempotencyKey: key(), revision: 1 }),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    expect(answers.find((answer) => answer.status === 409)?.body.error.code).toBe('CASE_REVISION_CONFLICT');
    expect((await eventsOf(number)).filter((event) => event.type === 'case_accepted')).toHaveLength(1);
  });

  it('refuses with a reason code, and names the competent body when not competent (不推诿)', async () => {
    const number = await submitFood();
    const missing = await act(window, number, {
      action: 'refuse',
      idempotencyKey: key(),
      revision: 1,
      reasonCode: 'not_competent',
      reasonText: '本事项由市级部门办理',
    });
    expect(missing.status, missing.text).toBe(422);
    expect(missing.body.error.details).toEqual([
      { pointer: '/competentBody', code: 'case.field_required', message: '该操作须填写此项' },
    ]);
    const refused = await act(window, number, {
      action: 'refuse',
      idempotencyKey: key(),
      revision: 1,
      reasonCode: 'not_competent',
      reasonText: '本事项由市级部门办理',
      competentBody: '云溪市市场监督管理局',
    });
    expect(refused.status, refused.text).toBe(200);
    expect(refused.body).toMatchObject({ status: 'refused', statusLabel: '不予受理', clock: null });
    expect((await eventsOf(number)).at(-1)).toMatchObject({
      type: 'case_refused',
      details: {
        reasonCode: 'not_competent',
        reasonLabel: '不属于本机关职权范围',
        competentBody: '云溪市市场监督管理局',
        after: 'refused',
      },
    });
  });

  it('refuses unknown fields and fields of another action with pointers in Chinese', async () => {
    const number = await submitFood();
    const unknown = await act(window, number, { action: 'accept', idempotencyKey: key(), revision: 1, comment: '好' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.details[0]).toMatchObject({ code: 'schema.additionalProperties' });
    const foreign = await act(window, number, {
      action: 'accept',
      idempotencyKey: key(),
      revision: 1,
      items: [{ kind: 'material', materialId: 'premisesProof', reason: '不清晰' }],
    });
    expect(foreign.status).toBe(422);
    expect(foreign.body.error.details).toEqual([
      { pointer: '/items', code: 'case.field_not_for_action', message: '该操作不接受此项' },
    ]);
    expect((await caseOf(number)).revision).toBe(1);
  });

  it('sends one 补正 notice listing materials and fields; a second notice is allowed and flagged', async () => {
    const number = await submitFood();
    const unknownItems = [
      { kind: 'material', materialId: 'noSuchMaterial', reason: '缺' },
      { kind: 'field', pointer: '/noSuchField', reason: '错' },
    ];
    const supplement = (items: object[], revision = 1) =>
      act(window, number, { action: 'supplement', idempotencyKey: key(), revision, items });
    const wrong = await supplement([...unknownItems, { kind: 'field', materialId: 'premisesProof', reason: '混' }]);
    expect(wrong.status, wrong.text).toBe(422);
    expect(wrong.body.error.details.map((issue: { pointer: string; code: string }) => [issue.pointer, issue.code])).toEqual([
      ['/items/2/pointer', 'case.field_required'],
      ['/items/2/materialId', 'case.field_not_for_action'],
    ]);
    const unknown = await supplement(unknownItems);
    expect(unknown.status, unknown.text).toBe(422);
    expect(unknown.body.error.details).toEqual([
      { pointer: '/items/0/materialId', code: 'supplement.material_unknown', message: '本事项的这一版本没有这份材料' },
      { pointer: '/items/1/pointer', code: 'supplement.field_unknown', message: '申请表没有这个字段' },
    ]);
    const items = [
      { kind: 'material', materialId: 'premisesProof', reason: '经营场所使用证明已过期' },
      { kind: 'field', pointer: '/premisesAddress', reason: '经营场所地址与证明不一致' },
    ];
    const first = await supplement(items);
    expect(first.status, first.text).toBe(200);
    expect(first.body).toMatchObject({ status: 'supplementing', supplementCount: 1, supplement: items, acceptanceDue: null });
    // The five days run from the complete application: the deadline timer is off while the applicant answers.
    const timer = await server.deps.db.query(`SELECT state FROM timers WHERE payload ->> 'number' = $1`, [number]);
    expect(timer.rows).toEqual([{ state: 'cancelled' }]);
    const second = await supplement(items.slice(0, 1), 2);
    expect(second.status, second.text).toBe(200);
    expect(second.body).toMatchObject({ supplementCount: 2, supplement: items.slice(0, 1) });
    const notices = (await eventsOf(number)).filter((event) => event.type === 'case_supplement_requested');
    expect(notices.map((event) => event.details.isRepeated)).toEqual([false, true]);
    const timeline = await citizen.get(`/api/applications/${number}`);
    expect(timeline.body.events.map((event: { title: string }) => event.title)).toEqual([
      '提交申请',
      '一次性告知补正',
      '一次性告知补正',
    ]);
  });

  it('refuses completeOnSpot on a matter that is not a 即办件', async () => {
    const number = await submitFood();
    const answer = await act(window, number, { action: 'completeOnSpot', idempotencyKey: key(), revision: 1 });
    expect(answer.status, answer.text).toBe(409);
    expect(answer.body.error.code).toBe('CASE_NOT_INSTANT');
    expect((await caseOf(number)).status).toBe('received');
  });

  it('lets only the window of the case department act: other roles and departments 403, anonymous 401', async () => {
    const number = await submitFood();
    const bodies = [
      { action: 'accept' },
      { action: 'refuse', reasonCode: 'other', reasonText: '不符合条件' },
      { action: 'supplement', items: [{ kind: 'material', materialId: 'premisesProof', reason: '缺' }] },
      { action: 'completeOnSpot' },
    ];
    for (const body of bodies) {
      const full = { ...body, idempotencyKey: key(), revision: 1 };
      const byReviewer = await act(reviewer, number, full);
      expect(byReviewer.status, `${body.action} by a reviewer`).toBe(403);
      expect(byReviewer.body.error.code).toBe('FORBIDDEN');
      const byCitizen = await act(citizen, number, full);
      expect(byCitizen.status, `${body.action} by the applicant`).toBe(403);
      const byOtherDepartment = await act(otherWindow, number, full);
      expect(byOtherDepartment.status, `${body.action} by another department`).toBe(403);
      expect(byOtherDepartment.body.error.code).toBe('DEPARTMENT_SCOPE');
      const byAnonymous = await act(server.anonymous(), number, full);
      expect(byAnonymous.status, `${body.action} anonymously`).toBe(401);
    }
    expect(await eventsOf(number)).toHaveLength(1);
    expect((await caseOf(number)).revision).toBe(1);
    expect((await otherWindow.get(`/api/cases/${number}`)).status).toBe(403);
    expect((await citizen.get(`/api/cases/${number}`)).status).toBe(403);
  });

  it('deems an unanswered application accepted from its receipt day, once, when the five working days passed', async () => {
    const number = await submitFood();
    const handlers = server.timerHandlers;
    clock.set('2026-12-09T15:59:00Z'); // 23:59 on the deadline: the window may still answer
    // A week later the sessions have lapsed.
    window = await server.login('scjg_window');
    citizen = await server.login(DEMO_CITIZEN_ID);
    await runDueTimers(server.deps, { handlers });
    expect((await caseOf(number)).status).toBe('received');
    clock.set('2026-12-09T16:30:00Z'); // 00:30 on Thursday 12-10
    await runDueTimers(server.deps, { handlers });
    await runDueTimers(server.deps, { handlers });
    const view = await caseOf(number);
    expect(view).toMatchObject({
      status: 'in_review',
      acceptedOn: '2026-12-02',
      clock: { startedOn: '2026-12-02', due: '2026-12-10', workdaysLeft: 0, level: 'red' },
    });
    const deemed = (await eventsOf(number)).filter((event) => event.type === 'case_deemed_accepted');
    expect(deemed).toHaveLength(1);
    expect(deemed[0]?.details).toMatchObject({
      acceptedOn: '2026-12-02',
      deadline: '2026-12-09',
      before: 'received',
      after: 'in_review',
    });
    const timeline = await citizen.get(`/api/applications/${number}`);
    expect(timeline.body.events.at(-1).title).toBe('逾期未作出受理决定，自收到申请材料之日起视为受理');
  });
});
