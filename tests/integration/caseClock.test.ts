import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CITIZEN_ID, FOOD, prepareFoodDraft, submitDraft } from '../support/foodApplication';
import { foodLicence } from '../support/matterFixtures';
import { mutableClock } from '../support/mutableClock';
import { publishMatter } from '../support/publishMatter';
import { startTestServer, type TestServer } from '../support/startTestServer';
import type { TestClient } from '../support/TestClient';

// Wednesday 2026-12-02, 10:00 in Shanghai: accepted today, 6 working days promised, due Thursday 12-10.
const clock = mutableClock('2026-12-02T02:00:00Z');
const HEALTH = '11439901006010023P'; // 云溪县卫生健康局
const PASSWORD = 'case-clock-staff-2026';

/** The food licence with two registered procedures (one counted), one more the step does not offer, and an extension. */
const clockMatter = () => {
  const base = foodLicence({ suffix: '0001310240201' });
  return {
    ...base,
    timeLimits: {
      statutory: {
        value: 10,
        unit: 'workday',
        extension: { value: 5, unit: 'workday', approver: '本行政机关负责人' },
      },
      promised: { value: 6, unit: 'workday' },
    },
    specialProcedures: [
      { name: '专家评审', kind: 'expertReview', maxDays: 5, unit: 'workday', isCounted: false },
      { name: '现场踏勘', kind: 'siteSurvey', isCounted: true },
      { name: '听证', kind: 'hearing', maxDays: 20, unit: 'workday', isCounted: false },
    ],
    flow: {
      ...base.flow,
      nodes: base.flow.nodes.map((node) =>
        node.id === 'review'
          ? { ...node, actions: ['approve', 'return', 'specialProcedure'], specialProcedures: ['专家评审', '现场踏勘'] }
          : node,
      ),
    },
  };
};

let server: TestServer;
let citizen: TestClient;
let window: TestClient;
let reviewer: TestClient;
let colleague: TestClient;
let chief: TestClient;
let supervisor: TestClient;
let healthReviewer: TestClient;
let matterCode: string;
let keys = 0;
const key = () => `case-clock-${(keys += 1)}-key`;

async function staff(sysadmin: TestClient, username: string, role: string, departmentCode: string) {
  const created = await sysadmin.post('/api/users', {
    username,
    displayName: username,
    role,
    departmentCode,
    password: PASSWORD,
  });
  expect(created.status, created.text).toBe(201);
  const client = server.anonymous();
  await client.login(username, PASSWORD);
  return client;
}

let stranger: TestClient;

/** Moves the clock on; the sessions of the days before have lapsed, so everyone logs in again. */
async function moveTo(day: string) {
  clock.set(`${day}T02:00:00Z`);
  citizen = await server.login(DEMO_CITIZEN_ID);
  window = await server.login('scjg_window');
  reviewer = await server.login('scjg_reviewer');
  chief = await server.login('scjg_chief');
  supervisor = await server.login('supervisor');
  for (const [client, username] of [
    [colleague, 'scjg_clock_reviewer2'],
    [healthReviewer, 'wsj_clock_reviewer'],
  ] as const)
    await client.login(username, PASSWORD);
  await stranger.login('11010519491231002X', 'stranger-clock-2026');
}

beforeAll(async () => {
  server = await startTestServer({ shouldSeedCatalog: true, clock });
  const sysadmin = await server.login('sysadmin');
  colleague = await staff(sysadmin, 'scjg_clock_reviewer2', 'reviewer', '11439901006010015W');
  healthReviewer = await staff(sysadmin, 'wsj_clock_reviewer', 'reviewer', HEALTH);
  stranger = server.anonymous();
  const registered = await stranger.post('/api/citizens', {
    name: '王小明',
    idNumber: '11010519491231002X',
    phone: '13900139000',
    password: 'stranger-clock-2026',
  });
  expect(registered.status, registered.text).toBe(201);
  const document = clockMatter();
  await publishMatter(await server.login('legal'), document);
  matterCode = document.code;
  await moveTo('2026-12-02');
});
afterAll(async () => server?.close());

/** An application for the clock matter (or the seed food licence), submitted and accepted today. */
async function acceptedCase(code = matterCode): Promise<string> {
  let draftId: string;
  if (code === FOOD) draftId = (await prepareFoodDraft(citizen)).id;
  else {
    const created = await citizen.post('/api/drafts', { matterCode: code });
    expect(created.status, created.text).toBe(201);
    const saved = await citizen.put(`/api/drafts/${created.body.id}`, {
      revision: created.body.revision,
      answers: {},
      formData: { enterpriseName: '云溪县春梅小吃店', creditCode: '92439901MA4L0XXX1X', byAgent: false },
      materials: {},
    });
    expect(saved.status, saved.text).toBe(200);
    draftId = created.body.id as string;
  }
  const submitted = await submitDraft(citizen, draftId, key());
  expect(submitted.status, submitted.text).toBe(201);
  const number = submitted.body.number as string;
  const accepted = await window.post(`/api/cases/${number}/actions`, { action: 'accept', idempotencyKey: key(), revision: 1 });
  expect(accepted.status, accepted.text).toBe(200);
  return number;
}

async function caseOf(number: string) {
  const response = await window.get(`/api/cases/${number}`);
  expect(response.status, response.text).toBe(200);
  return response.body;
}

/** A case action at the case's current revision. */
async function act(client: TestClient, number: string, body: Record<string, unknown>) {
  const { revision } = await caseOf(number);
  return client.post(`/api/cases/${number}/actions`, { idempotencyKey: key(), revision, ...body });
}

async function ok(client: TestClient, number: string, body: Record<string, unknown>) {
  const response = await act(client, number, body);
  expect(response.status, response.text).toBe(200);
  return response.body;
}

async function refused(client: TestClient, number: string, body: Record<string, unknown>) {
  const response = await act(client, number, body);
  return [response.status, response.body.error?.code];
}

async function eventsOf(number: string) {
  const { rows } = await server.deps.db.query<{ type: string; actor_name: string | null; details: Record<string, unknown> }>(
    `SELECT e.type, e.actor_name, e.details FROM application_events e JOIN applications a ON a.id = e.application_id
     WHERE a.number = $1 ORDER BY e.id`,
    [number],
  );
  return rows;
}

async function timersOf(number: string, kind = 'case.warning') {
  const { rows } = await server.deps.db.query<{ rung: string; state: string; due_at: Date }>(
    `SELECT t.rung, t.state, t.due_at FROM timers t JOIN cases c ON t.subject = c.id::text
     JOIN applications a ON a.id = c.application_id WHERE a.number = $1 AND t.kind = $2 ORDER BY t.due_at, t.rung`,
    [number, kind],
  );
  return rows;
}

const start = {
  action: 'startSpecialProcedure',
  taskId: 't2',
  procedure: '专家评审',
  days: 3,
  notice: '本案需组织专家评审，预计需要3个工作日，不计入办理期限。',
};
const end = { action: 'endSpecialProcedure', taskId: 't2', procedure: '专家评审' };
const extend = { action: 'extend', days: 3, approvedBy: '县市场监督管理局局长 王建国', reasonText: '情况复杂，需补充核查' };

describe('clock actions: a special procedure pauses the clock, an extension moves the due day', () => {
  it('pauses for 专家评审 with the written notice, and resumes two working days later', async () => {
    await moveTo('2026-12-02');
    const number = await acceptedCase();
    expect((await caseOf(number)).clock).toMatchObject({ due: '2026-12-10', state: 'running' });
    expect((await timersOf(number)).map((t) => [t.rung, t.state])).toEqual([
      ['yellow', 'pending'],
      ['red', 'pending'],
      ['overdue', 'pending'],
    ]);
    // 环节超时 is due when it happens: the review step (4 working days from 12-02, due 12-08) warns on 12-09.
    const stepTimers = async () =>
      (await timersOf(number, 'case.stepOverdue')).map((t) => [t.rung, t.state, t.due_at.toISOString()]);
    expect(await stepTimers()).toEqual([['t2', 'pending', '2026-12-08T16:00:00.000Z']]);
    expect((await caseOf(number)).clock.pauses).toEqual([]);
    const claimed = await reviewer.post(`/api/cases/${number}/tasks/t2/actions`, {
      action: 'claim',
      idempotencyKey: key(),
      revision: (await caseOf(number)).revision,
    });
    expect(claimed.status, claimed.text).toBe(200);

    await moveTo('2026-12-03');
    const paused = await ok(reviewer, number, start);
    expect(paused.clock).toMatchObject({ state: 'paused' });
    // Paused, the rungs cannot be fixed: they are cancelled until the procedure ends.
    expect((await timersOf(number)).every((t) => t.state === 'cancelled')).toBe(true);
    expect(await stepTimers()).toEqual([['t2', 'cancelled', '2026-12-08T16:00:00.000Z']]);
    // The case read carries the ledger: the open pause, with the procedure's maximum.
    expect(paused.clock.pauses).toEqual([
      { reason: 'expertReview', from: '2026-12-03', to: null, max: { value: 5, unit: 'workday' } },
    ]);
    const started = (await eventsOf(number)).at(-1);
    expect(started).toMatchObject({
      type: 'case_procedure_started',
      details: {
        procedure: '专家评审',
        kind: 'expertReview',
        from: '2026-12-03',
        max: { value: 5, unit: 'workday' },
        expectedDays: 3,
        notice: start.notice,
        before: { status: 'in_review', clock: { state: 'running', due: '2026-12-10' } },
        after: { status: 'in_review', clock: { state: 'paused' } },
      },
    });
    expect(await refused(reviewer, number, start)).toEqual([409, 'CASE_PROCEDURE_OPEN']);

    await moveTo('2026-12-04');
    const resumed = await ok(reviewer, number, end);
    // 12-03 and 12-04 held (both ends of a pause count): 6 working days from 12-02 are 12-07 … 12-11, 12-14.
    expect(resumed.clock).toMatchObject({ state: 'paused', due: '2026-12-14', workdaysUsed: 0 });
    expect((await eventsOf(number)).at(-1)).toMatchObject({
      type: 'case_procedure_ended',
      details: { from: '2026-12-03', to: '2026-12-04', heldDays: 2, after: { clock: { due: '2026-12-14' } } },
    });
    const pending = (await timersOf(number)).filter((t) => t.state === 'pending');
    // red on the due day itself, from 00:00 in Shanghai.
    expect(pending.map((t) => [t.rung, t.due_at.toISOString()])).toEqual([
      ['yellow', '2026-12-10T16:00:00.000Z'],
      ['red', '2026-12-13T16:00:00.000Z'],
      ['overdue', '2026-12-14T16:00:00.000Z'],
    ]);
    expect(await refused(reviewer, number, end)).toEqual([409, 'CASE_PROCEDURE_NOT_OPEN']);
    expect(resumed.clock.pauses).toEqual([
      { reason: 'expertReview', from: '2026-12-03', to: '2026-12-04', max: { value: 5, unit: 'workday' } },
    ]);
    // The step is held by the same two days: due 12-10, its warning revived for 12-11.
    expect(await stepTimers()).toEqual([['t2', 'pending', '2026-12-10T16:00:00.000Z']]);
    await moveTo('2026-12-07');
    expect((await caseOf(number)).clock).toMatchObject({ state: 'running', due: '2026-12-14', workdaysUsed: 1 });
    const timeline = await citizen.get(`/api/applications/${number}`);
    expect(timeline.body.events.map((event: { title: string }) => event.title)).toEqual(
      expect.arrayContaining(['启动特别程序（所需时间不计入办理期限）', '特别程序结束，恢复计时']),
    );
  });

  it('refuses a procedure the step does not offer, one the matter counts, and one without its notice', async () => {
    await moveTo('2026-12-02');
    const number = await acceptedCase();
    expect(await refused(reviewer, number, { ...start, procedure: '听证' })).toEqual([422, 'CASE_PROCEDURE_UNKNOWN']);
    expect(await refused(reviewer, number, { ...start, procedure: '鉴定' })).toEqual([422, 'CASE_PROCEDURE_UNKNOWN']);
    expect(await refused(reviewer, number, { ...start, procedure: '现场踏勘' })).toEqual([422, 'CASE_PROCEDURE_COUNTED']);
    const { notice: _notice, ...withoutNotice } = start;
    const missing = await act(reviewer, number, withoutNotice);
    expect(missing.status).toBe(422);
    expect(missing.body.error.details).toEqual([
      { pointer: '/notice', code: 'case.field_required', message: '该操作须填写此项' },
    ]);
    const foreign = await act(reviewer, number, { ...start, approvedBy: '县市场监督管理局局长 王建国' });
    expect(foreign.body.error.details).toEqual([
      { pointer: '/approvedBy', code: 'case.field_not_for_action', message: '该操作不接受此项' },
    ]);
    const acceptFields = await act(window, number, { action: 'accept', taskId: 't2' });
    expect(acceptFields.body.error.details).toEqual([
      { pointer: '/taskId', code: 'case.field_not_for_action', message: '该操作不接受此项' },
    ]);
    expect((await caseOf(number)).clock.state).toBe('running');
  });

  it('asks how long the procedure will take, and refuses more than the matter allows', async () => {
    await moveTo('2026-12-02');
    const number = await acceptedCase();
    const { days: _days, ...withoutDays } = start;
    const missing = await act(reviewer, number, withoutDays);
    expect([missing.status, missing.body.error.code, missing.body.error.details]).toEqual([
      422,
      'VALIDATION_FAILED',
      [{ pointer: '/days', code: 'case.field_required', message: '该操作须填写此项' }],
    ]);
    // The same bounds as an extension's days: a whole number of at least one.
    for (const days of [0, 2.5, '3']) {
      const malformed = await act(reviewer, number, { ...start, days });
      expect([malformed.status, malformed.body.error.details[0]?.pointer], String(days)).toEqual([422, '/days']);
    }
    // 专家评审 lasts at most 5 working days: the applicant must not be told of a time the clock does not hold.
    const tooLong = await act(reviewer, number, { ...start, days: 6 });
    expect(tooLong.status, tooLong.text).toBe(422);
    expect(tooLong.body.error).toMatchObject({
      code: 'CASE_PROCEDURE_TOO_LONG',
      message: '专家评审所需时间不能超过 5 个工作日',
      details: { pointer: '/days', procedure: '专家评审', days: 6, maxDays: 5, unit: 'workday' },
    });
    expect((await caseOf(number)).clock.state).toBe('running');
    expect((await eventsOf(number)).some((event) => event.type === 'case_procedure_started')).toBe(false);

    const started = await ok(reviewer, number, { ...start, days: 5 });
    expect(started.clock.pauses).toEqual([
      { reason: 'expertReview', from: '2026-12-02', to: null, max: { value: 5, unit: 'workday' } },
    ]);
    expect((await eventsOf(number)).at(-1)).toMatchObject({
      type: 'case_procedure_started',
      details: { procedure: '专家评审', expectedDays: 5, max: { value: 5, unit: 'workday' } },
    });
  });

  it('lets only the task holder, in the task role and department, start and end a procedure', async () => {
    await moveTo('2026-12-02');
    const number = await acceptedCase();
    expect(await refused(window, number, start)).toEqual([403, 'FORBIDDEN']);
    expect(await refused(supervisor, number, start)).toEqual([403, 'FORBIDDEN']);
    expect(await refused(healthReviewer, number, start)).toEqual([403, 'DEPARTMENT_SCOPE']);
    expect(await refused(chief, number, start)).toEqual([403, 'CASE_TASK_FORBIDDEN']);
    expect(await refused(reviewer, number, { ...start, taskId: 't9' })).toEqual([409, 'FLOW_TASK_NOT_OPEN']);
    // In the queue anyone of the role may; once claimed, only the holder.
    await ok(colleague, number, start);
    const claim = await colleague.post(`/api/cases/${number}/tasks/t2/actions`, {
      action: 'claim',
      idempotencyKey: key(),
      revision: (await caseOf(number)).revision,
    });
    expect(claim.status, claim.text).toBe(200);
    expect(await refused(reviewer, number, end)).toEqual([403, 'FLOW_NOT_TASK_HOLDER']);
    // The chief of the case's department answers for the clock: they may end it without a task.
    const { taskId: _taskId, ...caseLevel } = end;
    expect(await refused(reviewer, number, caseLevel)).toEqual([403, 'CASE_TASK_FORBIDDEN']);
    const ended = await ok(chief, number, caseLevel);
    expect(ended.clock.state).toBe('running');
  });

  it('extends once, by the chief, within what the matter allows, before the due day passes', async () => {
    await moveTo('2026-12-02');
    const number = await acceptedCase();
    expect(await refused(reviewer, number, extend)).toEqual([403, 'FORBIDDEN']);
    expect(await refused(window, number, extend)).toEqual([403, 'FORBIDDEN']);
    const tooLong = await act(chief, number, { ...extend, days: 6 });
    expect([tooLong.status, tooLong.body.error.code, tooLong.body.error.details.pointer]).toEqual([
      422,
      'CASE_EXTENSION_TOO_LONG',
      '/days',
    ]);
    const missing = await act(chief, number, { action: 'extend', days: 3 });
    expect(missing.body.error.details.map((issue: { pointer: string }) => issue.pointer)).toEqual(['/approvedBy', '/reasonText']);
    const extended = await ok(chief, number, extend);
    // 12-10 and three working days more: 11, 14, 15.
    expect(extended.clock).toMatchObject({ due: '2026-12-15' });
    expect((await eventsOf(number)).at(-1)).toMatchObject({
      type: 'case_extended',
      actor_name: expect.any(String),
      details: {
        days: 3,
        unit: 'workday',
        approvedBy: extend.approvedBy,
        reason: extend.reasonText,
        before: { clock: { due: '2026-12-10' } },
        after: { clock: { due: '2026-12-15' } },
      },
    });
    expect(await refused(chief, number, extend)).toEqual([409, 'CASE_EXTENSION_USED']);
    // The rungs of the new due date have their own names; the first ones were cancelled.
    const timers = await timersOf(number);
    expect(timers.filter((t) => t.state === 'pending').map((t) => t.rung)).toEqual([
      'extended.yellow',
      'extended.red',
      'extended.overdue',
    ]);
  });

  it('refuses an extension where the matter states none, and after the due day', async () => {
    await moveTo('2026-12-02');
    const seedCase = await acceptedCase(FOOD);
    const none = await act(chief, seedCase, extend);
    expect([none.status, none.body.error.code, none.body.error.details.reason]).toEqual([
      409,
      'CASE_EXTENSION_NOT_ALLOWED',
      'notProvided',
    ]);
    const number = await acceptedCase();
    await moveTo('2026-12-11');
    const late = await act(chief, number, extend);
    expect([late.status, late.body.error.code, late.body.error.details.reason]).toEqual([
      409,
      'CASE_EXTENSION_NOT_ALLOWED',
      'overdue',
    ]);
  });

  it('answers a retry with the first result; refuses clock actions before 受理', async () => {
    await moveTo('2026-12-02');
    const number = await acceptedCase();
    const body = { ...extend, idempotencyKey: key(), revision: (await caseOf(number)).revision };
    const first = await chief.post(`/api/cases/${number}/actions`, body);
    const retry = await chief.post(`/api/cases/${number}/actions`, body);
    expect(retry.status, retry.text).toBe(200);
    expect(retry.body).toEqual(first.body);
    expect((await eventsOf(number)).filter((event) => event.type === 'case_extended')).toHaveLength(1);
    const draft = await prepareFoodDraft(citizen);
    const submitted = await submitDraft(citizen, draft.id, key());
    const waiting = await act(chief, submitted.body.number as string, extend);
    expect([waiting.status, waiting.body.error.code]).toEqual([409, 'CASE_ACTION_NOT_ALLOWED']);
  });
});

describe('withdrawal (撤回) by the applicant before a decision', () => {
  it('withdraws: the clock stops, the tasks close, every timer of the case is cancelled', async () => {
    await moveTo('2026-12-02');
    const number = await acceptedCase();
    const stranger = await reviewer.post(`/api/cases/${number}/withdrawal`, { idempotencyKey: key() });
    expect(stranger.status).toBe(403);
    const body = { idempotencyKey: key(), reason: '经营场所变更，重新申请' };
    const withdrawn = await citizen.post(`/api/cases/${number}/withdrawal`, body);
    expect(withdrawn.status, withdrawn.text).toBe(200);
    expect(withdrawn.body).toEqual({ number, status: 'withdrawn', statusLabel: '已撤回' });
    const retry = await citizen.post(`/api/cases/${number}/withdrawal`, body);
    expect(retry.body).toEqual(withdrawn.body);
    const view = await caseOf(number);
    expect(view).toMatchObject({ status: 'withdrawn', tasks: [], clock: { state: 'stopped' } });
    const { rows } = await server.deps.db.query<{ state: string }>(
      `SELECT t.state FROM timers t JOIN cases c ON t.subject = c.id::text JOIN applications a ON a.id = c.application_id
       WHERE a.number = $1`,
      [number],
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.state === 'cancelled')).toBe(true);
    const open = await server.deps.db.query(
      `SELECT 1 FROM case_tasks t JOIN cases c ON c.id = t.case_id JOIN applications a ON a.id = c.application_id
       WHERE a.number = $1 AND t.closed_at IS NULL`,
      [number],
    );
    expect(open.rows).toEqual([]);
    expect((await eventsOf(number)).filter((event) => event.type === 'case_withdrawn')).toMatchObject([
      { details: { reason: body.reason, before: 'in_review', after: 'withdrawn' } },
    ]);
    const again = await citizen.post(`/api/cases/${number}/withdrawal`, { idempotencyKey: key() });
    expect([again.status, again.body.error.code]).toEqual([409, 'CASE_ACTION_NOT_ALLOWED']);
  });

  it('withdraws before 受理 too; another citizen hears 404 as for an unknown number', async () => {
    await moveTo('2026-12-02');
    const draft = await prepareFoodDraft(citizen);
    const submitted = await submitDraft(citizen, draft.id, key());
    const number = submitted.body.number as string;
    const foreign = await stranger.post(`/api/cases/${number}/withdrawal`, { idempotencyKey: key() });
    expect([foreign.status, foreign.body.error.code]).toEqual([404, 'CASE_NOT_FOUND']);
    const withdrawn = await citizen.post(`/api/cases/${number}/withdrawal`, { idempotencyKey: key() });
    expect(withdrawn.status, withdrawn.text).toBe(200);
    const timer = await server.deps.db.query(
      `SELECT state FROM timers WHERE kind = 'case.acceptance' AND payload ->> 'number' = $1`,
      [number],
    );
    expect(timer.rows).toEqual([{ state: 'cancelled' }]);
  });
});
