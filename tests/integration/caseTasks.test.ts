import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CITIZEN_ID, prepareFoodDraft, submitDraft } from '../support/foodApplication';
import { mutableClock } from '../support/mutableClock';
import { startTestServer, type TestServer } from '../support/startTestServer';
import type { TestClient } from '../support/TestClient';

// Wednesday 2026-12-02, 10:00 in Shanghai. The food licence: 受理 (window) → 材料审查及现场核查
// (reviewer, 4 working days) → 许可决定 (chief, 1), promised in 6 working days.
const clock = mutableClock('2026-12-02T02:00:00Z');
const SCJG = '11439901006010015W';
const HEALTH = '11439901006010023P';
const PASSWORD = 'case-tasks-staff-2026';

let server: TestServer;
let citizen: TestClient;
let window: TestClient;
let reviewer: TestClient;
let chief: TestClient;
let supervisor: TestClient;
let colleague: TestClient;
let healthReviewer: TestClient;
let third: TestClient;
let reviewerId: string;
let colleagueId: number;
let windowId: number;

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
  return { client, id: created.body.id as number };
}

beforeAll(async () => {
  server = await startTestServer({ shouldSeedCatalog: true, clock });
  citizen = await server.login(DEMO_CITIZEN_ID);
  window = await server.login('scjg_window');
  reviewer = await server.login('scjg_reviewer');
  chief = await server.login('scjg_chief');
  supervisor = await server.login('supervisor');
  const sysadmin = await server.login('sysadmin');
  ({ client: colleague, id: colleagueId } = await staff(sysadmin, 'scjg_reviewer2', 'reviewer', SCJG));
  ({ client: healthReviewer } = await staff(sysadmin, 'wsj_reviewer', 'reviewer', HEALTH));
  ({ client: third } = await staff(sysadmin, 'scjg_reviewer3', 'reviewer', SCJG));
  const me = await reviewer.get('/api/session');
  reviewerId = String(me.body.user.id);
  windowId = (await window.get('/api/session')).body.user.id as number;
});
afterAll(async () => server?.close());

let serial = 0;
let keys = 0;
const key = () => `case-task-${(keys += 1)}-key`;

/** A 食品经营许可 submitted and accepted at the window: its number, with the review task t2 open. */
async function acceptedFood(): Promise<string> {
  const draft = await prepareFoodDraft(citizen);
  serial += 1;
  const submitted = await submitDraft(citizen, draft.id, `case-task-submit-${serial}-key`);
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

/** Acts on a task at the case's current revision. */
async function act(client: TestClient, number: string, taskId: string, body: Record<string, unknown>) {
  const { revision } = await caseOf(number);
  return client.post(`/api/cases/${number}/tasks/${taskId}/actions`, { idempotencyKey: key(), revision, ...body });
}

async function ok(client: TestClient, number: string, taskId: string, body: Record<string, unknown>) {
  const response = await act(client, number, taskId, body);
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

async function taskRows(number: string) {
  const { rows } = await server.deps.db.query<{
    task_id: string;
    assignee: string | null;
    outcome: string | null;
    due_on: string;
  }>(
    `SELECT t.task_id, t.assignee, t.outcome, t.due_on::text AS due_on FROM case_tasks t JOIN cases c ON c.id = t.case_id
     JOIN applications a ON a.id = c.application_id WHERE a.number = $1 ORDER BY t.opened_at, t.task_id`,
    [number],
  );
  return rows;
}

const queue = async (client: TestClient, name: string) => {
  const response = await client.get(`/api/cases?queue=${name}`);
  expect(response.status, response.text).toBe(200);
  return response.body.items as { number: string; taskId: string; [key: string]: unknown }[];
};

describe('case tasks: a serial flow from 受理 to decision and delivery', () => {
  it('opens the review task at 受理 in the department queue, with its step due day', async () => {
    const number = await acceptedFood();
    const view = await caseOf(number);
    expect(view).toMatchObject({ status: 'in_review', statusLabel: '审查中', decision: null, delivery: null });
    expect(view.tasks).toEqual([
      { id: 't2', name: '材料审查及现场核查', role: 'reviewer', department: SCJG, assignee: null, budgetDays: 4 },
    ]);
    // The window step closed with the 受理, the review step opened: 4 working days from 12-02.
    expect(await taskRows(number)).toEqual([
      { task_id: 't1', assignee: String(windowId), outcome: 'approved', due_on: '2026-12-03' },
      { task_id: 't2', assignee: null, outcome: null, due_on: '2026-12-08' },
    ]);
    const waiting = (await queue(reviewer, 'department')).find((item) => item.number === number);
    expect(waiting).toMatchObject({
      taskId: 't2',
      kind: 'flow',
      taskName: '材料审查及现场核查',
      assignee: null,
      due: '2026-12-08',
      workdaysLeft: 4,
      level: 'normal',
      matterName: '食品经营许可',
    });
    // Another role's or department's queue does not list it.
    expect((await queue(chief, 'department')).map((item) => item.number)).not.toContain(number);
    expect((await queue(healthReviewer, 'department')).map((item) => item.number)).not.toContain(number);
  });

  it('takes the case through claim, approve and the chief decision (准予, with 文号) to delivery by express', async () => {
    const number = await acceptedFood();
    const claimed = await ok(reviewer, number, 't2', { action: 'claim' });
    expect(claimed.tasks[0]).toMatchObject({ id: 't2', assignee: reviewerId });
    expect((await queue(reviewer, 'mine')).map((item) => item.number)).toContain(number);
    expect((await queue(reviewer, 'department')).map((item) => item.number)).not.toContain(number);
    // Claimed: the colleague of the same role may no longer act on it.
    const stranger = await act(colleague, number, 't2', { action: 'approve' });
    expect(stranger.status).toBe(403);
    expect(stranger.body.error.code).toBe('FLOW_NOT_TASK_HOLDER');

    const approved = await ok(reviewer, number, 't2', { action: 'approve', comment: '材料齐全，现场核查符合要求' });
    expect(approved.tasks).toMatchObject([{ id: 't3', name: '许可决定', role: 'chief', assignee: null }]);
    const missing = await act(chief, number, 't3', { action: 'decide' });
    expect(missing.status).toBe(422);
    expect(missing.body.error.details).toEqual([
      { pointer: '/resultNumber', code: 'case.field_required', message: '该操作须填写此项' },
    ]);
    const decided = await ok(chief, number, 't3', { action: 'decide', resultNumber: 'JY14399010012345' });
    expect(decided).toMatchObject({
      status: 'decided',
      statusLabel: '已决定',
      flowStatus: 'completed',
      tasks: [],
      clock: { state: 'stopped' },
      decision: {
        outcome: 'approved',
        resultName: '食品经营许可证',
        resultNumber: 'JY14399010012345',
        reason: null,
        remedies: null,
        decidedOn: '2026-12-02',
        decidedBy: '周卫东',
      },
    });
    // Once decided, nothing more is done to the tasks.
    const late = await act(reviewer, number, 't2', { action: 'approve' });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('CASE_ACTION_NOT_ALLOWED');

    const { revision } = await caseOf(number);
    const noTracking = await window.post(`/api/cases/${number}/completion`, {
      idempotencyKey: key(),
      revision,
      method: 'express',
    });
    expect(noTracking.status).toBe(422);
    expect(noTracking.body.error.details[0]).toMatchObject({ pointer: '/trackingNumber', code: 'case.field_required' });
    const byReviewer = await reviewer.post(`/api/cases/${number}/completion`, {
      idempotencyKey: key(),
      revision,
      method: 'onSite',
    });
    expect(byReviewer.status).toBe(403);
    const delivered = await window.post(`/api/cases/${number}/completion`, {
      idempotencyKey: key(),
      revision,
      method: 'express',
      carrier: '中国邮政EMS',
      trackingNumber: '1180012345678',
    });
    expect(delivered.status, delivered.text).toBe(200);
    expect(delivered.body).toMatchObject({
      status: 'completed',
      delivery: { method: 'express', carrier: '中国邮政EMS', trackingNumber: '1180012345678', deliveredOn: '2026-12-02' },
    });

    const events = await eventsOf(number);
    expect(events.map((event) => event.type)).toEqual([
      'submitted',
      'case_accepted',
      'task_claimed',
      'task_approved',
      'case_decided',
      'case_delivered',
    ]);
    expect(events[3]).toMatchObject({
      actor_name: '陈志强',
      details: {
        action: 'approve',
        taskId: 't2',
        comment: '材料齐全，现场核查符合要求',
        before: { status: 'in_review', tasks: [{ id: 't2', assignee: reviewerId }] },
        after: { status: 'in_review', tasks: [{ id: 't3', assignee: null }] },
      },
    });
    expect(events[4]?.details).toMatchObject({ before: { status: 'in_review' }, after: { status: 'decided', tasks: [] } });
    const timeline = await citizen.get(`/api/applications/${number}`);
    expect(timeline.body.events.map((event: { title: string }) => event.title)).toEqual([
      '提交申请',
      '已受理',
      '认领办理',
      '审查通过',
      '准予许可',
      '办结送达',
    ]);
    expect(await taskRows(number)).toMatchObject([
      { task_id: 't1', outcome: 'approved' },
      { task_id: 't2', outcome: 'approved', assignee: reviewerId },
      { task_id: 't3', outcome: 'approved' },
    ]);
  });

  it('denies (不予许可) with the reason and the remedies the platform words: 复议 60 日, 诉讼 6 个月', async () => {
    const number = await acceptedFood();
    await ok(reviewer, number, 't2', { action: 'approve' });
    const noReason = await act(chief, number, 't3', { action: 'deny' });
    expect(noReason.status).toBe(422);
    const denied = await ok(chief, number, 't3', { action: 'deny', reason: '经营场所与食品经营项目不相适应' });
    expect(denied).toMatchObject({
      status: 'decided',
      flowStatus: 'denied',
      decision: {
        outcome: 'denied',
        resultNumber: null,
        reason: '经营场所与食品经营项目不相适应',
        remedies: {
          reconsideration:
            '如不服本决定，可以自收到本决定书之日起六十日内向云溪县人民政府申请行政复议（地址：云溪县府前路1号（县人民政府行政复议接待室），电话：0739-8200148）；',
          litigation:
            '或者自收到本决定书之日起六个月内向云溪县人民法院提起行政诉讼（地址：云溪县法院路6号（诉讼服务中心），电话：0739-8200600）。',
        },
      },
    });
  });
});

describe('case tasks: who may do what', () => {
  it('tells each caller what they may do on a task (the action panel)', async () => {
    const number = await acceptedFood();
    const read = async (client: TestClient, taskId: string) => {
      const response = await client.get(`/api/cases/${number}/tasks/${taskId}`);
      expect(response.status, response.text).toBe(200);
      return response.body;
    };
    expect(await read(reviewer, 't2')).toMatchObject({
      id: 't2',
      name: '材料审查及现场核查',
      assignee: null,
      isClaimable: true,
      openedOn: '2026-12-02',
      due: '2026-12-08',
      workdaysLeft: 4,
      level: 'normal',
      offered: ['approve', 'return', 'transfer', 'addSigner'],
      available: ['approve', 'return', 'transfer', 'addSigner', 'claim'],
    });
    // The chief may move any task of the department to the competent one (转其他部门), a queue task too.
    expect((await read(chief, 't2')).available).toEqual(['transferDepartment', 'urge']);
    expect((await read(window, 't2')).available).toEqual([]);
    await ok(reviewer, number, 't2', { action: 'claim' });
    expect((await read(colleague, 't2')).available).toEqual([]);
    await ok(reviewer, number, 't2', { action: 'approve' });
    expect(await read(chief, 't3')).toMatchObject({
      returnTargets: [
        { id: 'accept', name: '窗口受理' },
        { id: 'review', name: '材料审查及现场核查' },
      ],
      available: ['return', 'transferDepartment', 'claim', 'decide', 'deny', 'urge'],
    });
    const closed = await reviewer.get(`/api/cases/${number}/tasks/t2`);
    expect([closed.status, closed.body.error.code]).toEqual([409, 'FLOW_TASK_NOT_OPEN']);
    const stranger = await healthReviewer.get(`/api/cases/${number}/tasks/t3`);
    expect([stranger.status, stranger.body.error.code]).toEqual([403, 'DEPARTMENT_SCOPE']);
  });

  it('refuses each action to the wrong role, department or holder with a stable code, before any change', async () => {
    const number = await acceptedFood();
    const refusals: [TestClient, Record<string, unknown>, number, string][] = [
      [window, { action: 'approve' }, 403, 'CASE_TASK_FORBIDDEN'],
      [chief, { action: 'approve' }, 403, 'CASE_TASK_FORBIDDEN'],
      [chief, { action: 'claim' }, 403, 'CASE_TASK_FORBIDDEN'],
      [supervisor, { action: 'approve' }, 403, 'CASE_TASK_FORBIDDEN'],
      [reviewer, { action: 'urge' }, 403, 'CASE_TASK_FORBIDDEN'],
      [window, { action: 'urge' }, 403, 'CASE_TASK_FORBIDDEN'],
      [healthReviewer, { action: 'approve' }, 403, 'DEPARTMENT_SCOPE'],
      [reviewer, { action: 'decide', resultNumber: 'X1' }, 409, 'FLOW_ACTION_NOT_ALLOWED'],
      [reviewer, { action: 'deny', reason: '不行' }, 409, 'FLOW_ACTION_NOT_ALLOWED'],
      [reviewer, { action: 'terminate', reason: '申请人死亡' }, 409, 'FLOW_ACTION_NOT_ALLOWED'],
      [reviewer, { action: 'return', to: 'nowhere' }, 422, 'FLOW_RETURN_TARGET_INVALID'],
      [reviewer, { action: 'transfer', userId: windowId }, 422, 'CASE_TASK_USER_INVALID'],
      [reviewer, { action: 'addSigner', userId: 999999 }, 422, 'CASE_TASK_USER_INVALID'],
      [reviewer, { action: 'approve', reason: '多余' }, 422, 'VALIDATION_FAILED'],
      [reviewer, { action: 'approve', extra: 1 }, 422, 'VALIDATION_FAILED'],
    ];
    for (const [client, body, status, code] of refusals) {
      const response = await act(client, number, 't2', body);
      expect([response.status, response.body.error?.code], JSON.stringify(body)).toEqual([status, code]);
    }
    const unknownTask = await act(reviewer, number, 't9', { action: 'approve' });
    expect([unknownTask.status, unknownTask.body.error.code]).toEqual([409, 'FLOW_TASK_NOT_OPEN']);
    const citizenTries = await act(citizen, number, 't2', { action: 'approve' });
    expect(citizenTries.status).toBe(403);
    expect(await caseOf(number)).toMatchObject({ revision: 2, tasks: [{ id: 't2', assignee: null }] });
    expect((await eventsOf(number)).map((event) => event.type)).toEqual(['submitted', 'case_accepted']);
  });

  it('lets the chief and a supervisor urge (催办): an event, the task unchanged', async () => {
    const number = await acceptedFood();
    await ok(chief, number, 't2', { action: 'urge', comment: '请今日完成核查' });
    const view = await ok(supervisor, number, 't2', { action: 'urge' });
    expect(view.tasks).toMatchObject([{ id: 't2', assignee: null }]);
    const urged = (await eventsOf(number)).filter((event) => event.type === 'task_urged');
    expect(urged.map((event) => event.actor_name)).toEqual(['周卫东', '孙丽娟']);
  });

  it('transfers to a colleague (转办) and adds a co-signer (加签) who must approve too', async () => {
    const number = await acceptedFood();
    // The picker offers whom the actions accept: the reviewers of the department for 转办 (not the
    // asker), its reviewers and chief for 加签; never the window.
    const colleagues = await reviewer.get(`/api/cases/${number}/tasks/t2/colleagues`);
    expect(colleagues.status, colleagues.text).toBe(200);
    const names = (list: { displayName: string }[]) => list.map((user) => user.displayName).sort();
    expect(names(colleagues.body.transfer)).toEqual(['scjg_reviewer2', 'scjg_reviewer3']);
    expect(colleagues.body.transfer).toContainEqual({ userId: colleagueId, displayName: 'scjg_reviewer2', role: 'reviewer' });
    expect(colleagues.body.addSigner.map((user: { role: string }) => user.role).sort()).toEqual([
      'chief',
      'reviewer',
      'reviewer',
    ]);
    expect(colleagues.body.addSigner.map((user: { userId: number }) => user.userId)).not.toContain(windowId);
    // Asked only by who may act on the task: not the window, not another department.
    expect((await window.get(`/api/cases/${number}/tasks/t2/colleagues`)).body.error.code).toBe('CASE_TASK_FORBIDDEN');
    expect((await healthReviewer.get(`/api/cases/${number}/tasks/t2/colleagues`)).body.error.code).toBe('DEPARTMENT_SCOPE');
    expect((await reviewer.get(`/api/cases/${number}/tasks/t9/colleagues`)).status).toBe(409);
    const transferred = await ok(reviewer, number, 't2', { action: 'transfer', userId: colleagueId, comment: '请陈工承办' });
    expect(transferred.tasks).toMatchObject([{ id: 't3', name: '材料审查及现场核查', assignee: String(colleagueId) }]);
    expect((await queue(colleague, 'mine')).map((item) => item.taskId)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^t3$/)]),
    );
    await ok(colleague, number, 't3', { action: 'addSigner', userId: Number(reviewerId) });
    // A co-signer already added is not offered again; the holder now is not offered the task back.
    const after = (await colleague.get(`/api/cases/${number}/tasks/t3/colleagues`)).body;
    expect(after.addSigner.map((user: { userId: number }) => String(user.userId))).not.toContain(reviewerId);
    expect(after.transfer.map((user: { userId: number }) => user.userId)).not.toContain(colleagueId);
    const signing = (await queue(reviewer, 'mine')).find((item) => item.number === number);
    expect(signing).toMatchObject({ taskId: 't3', isCoSigner: true });
    const half = await ok(colleague, number, 't3', { action: 'approve' });
    expect(half.tasks).toMatchObject([{ id: 't3' }]);
    const done = await ok(reviewer, number, 't3', { action: 'approve' });
    expect(done.tasks).toMatchObject([{ id: 't4', role: 'chief' }]);
    expect((await queue(reviewer, 'mine')).map((item) => item.number)).not.toContain(number);
  });

  it('returns from the decision to the review (退回): a new review task, the path forgets what came after', async () => {
    const number = await acceptedFood();
    await ok(reviewer, number, 't2', { action: 'approve' });
    const returned = await ok(chief, number, 't3', { action: 'return', to: 'review', comment: '请补充现场核查记录' });
    expect(returned).toMatchObject({ status: 'in_review', tasks: [{ id: 't4', name: '材料审查及现场核查', role: 'reviewer' }] });
    expect(await taskRows(number)).toMatchObject([
      { task_id: 't1' },
      { task_id: 't2', outcome: 'approved' },
      { task_id: 't3', outcome: 'returned' },
      { task_id: 't4', outcome: null },
    ]);
  });
});

describe('case tasks: concurrency and retries', () => {
  it('lets one of two people acting on one task win; the other gets 409', async () => {
    const number = await acceptedFood();
    const { revision } = await caseOf(number);
    const answers = await Promise.all([
      reviewer.post(`/api/cases/${number}/tasks/t2/actions`, { action: 'approve', idempotencyKey: key(), revision }),
      colleague.post(`/api/cases/${number}/tasks/t2/actions`, { action: 'claim', idempotencyKey: key(), revision }),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    expect(answers.find((answer) => answer.status === 409)?.body.error.code).toBe('CASE_REVISION_CONFLICT');
    const tasksEvents = (await eventsOf(number)).filter((event) => event.type.startsWith('task_'));
    expect(tasksEvents).toHaveLength(1);
  });

  it('answers a retry with the same key with the first result and writes nothing', async () => {
    const number = await acceptedFood();
    const { revision } = await caseOf(number);
    const body = { action: 'approve', idempotencyKey: key(), revision };
    const first = await reviewer.post(`/api/cases/${number}/tasks/t2/actions`, body);
    expect(first.status, first.text).toBe(200);
    const retry = await reviewer.post(`/api/cases/${number}/tasks/t2/actions`, body);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    expect((await eventsOf(number)).filter((event) => event.type === 'task_approved')).toHaveLength(1);
    const byOther = await colleague.post(`/api/cases/${number}/tasks/t2/actions`, body);
    expect(byOther.status).toBe(422);
    expect(byOther.body.error.code).toBe('CASE_ACTION_KEY_REUSED');
  });

  it('refuses a task action on a case not yet accepted: no result without 受理', async () => {
    const draft = await prepareFoodDraft(citizen);
    const submitted = await submitDraft(citizen, draft.id, `case-task-unaccepted-${serial}-key`);
    const number = submitted.body.number as string;
    const response = await reviewer.post(`/api/cases/${number}/tasks/t1/actions`, {
      action: 'approve',
      idempotencyKey: key(),
      revision: 1,
    });
    expect([response.status, response.body.error.code]).toEqual([409, 'CASE_ACTION_NOT_ALLOWED']);
  });
});

describe('case tasks: green channel and A/B posts', () => {
  it('puts a green-channel case first in every queue; only the chief of its department sets it', async () => {
    const older = await acceptedFood();
    const number = await acceptedFood();
    const { revision } = await caseOf(number);
    const body = { idempotencyKey: key(), revision, isGreenChannel: true, reason: '重点招商项目' };
    const byReviewer = await reviewer.post(`/api/cases/${number}/green-channel`, { ...body, idempotencyKey: key() });
    expect(byReviewer.status).toBe(403);
    const set = await chief.post(`/api/cases/${number}/green-channel`, body);
    expect(set.status, set.text).toBe(200);
    expect(set.body).toMatchObject({ isGreenChannel: true, revision: revision + 1 });
    const items = await queue(reviewer, 'department');
    expect(items[0]).toMatchObject({ number, isGreenChannel: true });
    expect(items.map((item) => item.number)).toContain(older);
    const [event] = (await eventsOf(number)).filter((e) => e.type === 'case_green_channel_set');
    expect(event).toMatchObject({ actor_name: '周卫东', details: { reason: '重点招商项目', before: false, after: true } });
  });

  it('gives the tasks of an absent holder to the backup (A/B岗), who acts for them; a transfer to them goes to the backup', async () => {
    const admin = await server.login('scjg_admin');
    const number = await acceptedFood();
    await ok(reviewer, number, 't2', { action: 'claim' });
    const refused = [
      [{ backupUserId: windowId, isAbsent: true }, 'post.backup_invalid'],
      [{ backupUserId: Number(reviewerId), isAbsent: false }, 'post.backup_invalid'],
      [{ backupUserId: null, isAbsent: true }, 'post.backup_required'],
    ] as const;
    for (const [body, code] of refused) {
      const response = await admin.put(`/api/staff-posts/${reviewerId}`, body);
      expect([response.status, response.body.error.details[0].code]).toEqual([422, code]);
    }
    expect((await reviewer.put(`/api/staff-posts/${reviewerId}`, { backupUserId: colleagueId, isAbsent: true })).status).toBe(
      403,
    );
    const away = await admin.put(`/api/staff-posts/${reviewerId}`, { backupUserId: colleagueId, isAbsent: true });
    expect(away.status, away.text).toBe(200);
    expect(away.body).toEqual({ userId: Number(reviewerId), backupUserId: colleagueId, isAbsent: true });
    try {
      expect((await queue(colleague, 'mine')).find((item) => item.number === number)).toMatchObject({
        taskId: 't2',
        assignee: reviewerId,
      });
      const approved = await ok(colleague, number, 't2', { action: 'approve', comment: 'A岗休假，B岗代办' });
      expect(approved.tasks).toMatchObject([{ id: 't3', role: 'chief' }]);
      const [event] = (await eventsOf(number)).filter((e) => e.type === 'task_approved');
      expect(event).toMatchObject({ actor_name: 'scjg_reviewer2', details: { onBehalfOf: reviewerId } });

      // While the holder is away a transfer naming them reaches the backup.
      const other = await acceptedFood();
      await ok(third, other, 't2', { action: 'claim' });
      const transferred = await ok(third, other, 't2', { action: 'transfer', userId: Number(reviewerId) });
      expect(transferred.tasks).toMatchObject([{ id: 't3', assignee: String(colleagueId) }]);
    } finally {
      const back = await admin.put(`/api/staff-posts/${reviewerId}`, { backupUserId: colleagueId, isAbsent: false });
      expect(back.status).toBe(200);
    }
    expect((await queue(colleague, 'mine')).map((item) => item.number)).not.toContain(number);
  });
});

describe('case tasks: hostile requests', () => {
  it('answers malformed and hostile task requests with a 4xx, a stable code and a pointer, never a 5xx', async () => {
    const number = await acceptedFood();
    const { revision } = await caseOf(number);
    const post = (path: string, body: unknown) => () => reviewer.post(path, body);
    const base = { idempotencyKey: 'hostile-key-1', revision };
    const cases: [
      () => Promise<{ status: number; text: string; body: { error: { code: string; details?: { pointer: string }[] } } }>,
      number,
      string,
    ][] = [
      [post(`/api/cases/${number}/tasks/t2/actions`, { ...base, action: 'delegate' }), 422, 'VALIDATION_FAILED'],
      [post(`/api/cases/${number}/tasks/t2/actions`, { ...base, action: 'approve', revision: 0 }), 422, 'VALIDATION_FAILED'],
      [
        post(`/api/cases/${number}/tasks/t2/actions`, { ...base, action: 'approve', revision: 1e20 }),
        409,
        'CASE_REVISION_CONFLICT',
      ],
      [
        post(`/api/cases/${number}/tasks/t2/actions`, { ...base, action: 'transfer', userId: 2147483647 }),
        422,
        'CASE_TASK_USER_INVALID',
      ],
      [
        post(`/api/cases/${number}/tasks/t2/actions`, { ...base, action: 'transfer', userId: 2147483648 }),
        422,
        'VALIDATION_FAILED',
      ],
      [
        post(`/api/cases/${number}/tasks/t2/actions`, { ...base, action: 'return', to: `a${'b'.repeat(63)}` }),
        422,
        'FLOW_RETURN_TARGET_INVALID',
      ],
      [
        post(`/api/cases/${number}/tasks/t2/actions`, { ...base, action: 'approve', comment: 'x'.repeat(2001) }),
        422,
        'VALIDATION_FAILED',
      ],
      [
        post(`/api/cases/${number}/tasks/t2/actions`, { ...base, action: 'approve', comment: '\u0000' }),
        422,
        'VALIDATION_FAILED',
      ],
      [post(`/api/cases/${number}/tasks/t2/actions`, [1, 2]), 422, 'VALIDATION_FAILED'],
      [post(`/api/cases/${number}/tasks/t99999999/actions`, { ...base, action: 'approve' }), 400, 'BAD_QUERY'],
      [
        post(`/api/cases/${number.replace(/\d{4}$/, '9999')}/tasks/t2/actions`, { ...base, action: 'approve' }),
        404,
        'CASE_NOT_FOUND',
      ],
      [
        () => window.post(`/api/cases/${number}/completion`, { ...base, method: 'express', trackingNumber: '<script>' }),
        422,
        'VALIDATION_FAILED',
      ],
    ];
    for (const [send, status, code] of cases) {
      const answer = await send();
      expect([answer.status, answer.body.error?.code], answer.text).toEqual([status, code]);
      if (status === 422 && code !== 'FLOW_RETURN_TARGET_INVALID')
        expect(answer.body.error.details?.[0]?.pointer, answer.text).toMatch(/^\/|^$/);
    }
    const admin = await server.login('scjg_admin');
    const posts: [string, unknown, number, string][] = [
      ['9999999999', { backupUserId: null, isAbsent: false }, 400, 'BAD_QUERY'],
      ['999999', { backupUserId: null, isAbsent: false }, 404, 'USER_NOT_FOUND'],
      [reviewerId, { backupUserId: 2147483648, isAbsent: true }, 422, 'VALIDATION_FAILED'],
      [reviewerId, { backupUserId: 'x', isAbsent: true }, 422, 'VALIDATION_FAILED'],
    ];
    for (const [userId, body, status, code] of posts) {
      const response = await admin.put(`/api/staff-posts/${userId}`, body);
      expect([response.status, response.body.error.code], response.text).toEqual([status, code]);
    }
    const healthAdminView = await healthReviewer.put(`/api/staff-posts/${reviewerId}`, { backupUserId: null, isAbsent: false });
    expect(healthAdminView.status).toBe(403);
    expect((await citizen.get('/api/cases?queue=mine')).status).toBe(403);
    expect((await (await server.login('legal')).get('/api/cases?queue=department')).status).toBe(403);
    expect((await reviewer.get('/api/cases?queue=everything')).status).toBe(400);
    expect(await caseOf(number)).toMatchObject({ revision, tasks: [{ id: 't2', assignee: null }] });
  });
});

/** A 食品经营许可 accepted, its review task t2 claimed by the reviewer; misrouted, it goes to 卫生健康局. */
async function claimedReview(): Promise<string> {
  const number = await acceptedFood();
  await ok(reviewer, number, 't2', { action: 'claim' });
  return number;
}

const move = { action: 'transferDepartment', toDepartmentCode: HEALTH, reason: '涉及餐饮卫生许可，属卫生健康局职权' };

describe('case tasks: 转其他部门 (transferDepartment, 不推诿)', () => {
  it('refuses the wrong role, another department, the same or an unknown department and a missing reason', async () => {
    const number = await claimedReview();
    const refusal = async (client: TestClient, body: Record<string, unknown>) => {
      const response = await act(client, number, 't2', body);
      return [response.status, response.body.error?.code, response.body.error?.details];
    };
    expect((await refusal(window, move)).slice(0, 2)).toEqual([403, 'CASE_TASK_FORBIDDEN']);
    // A colleague of the step's role is not its holder; only the holder or the chief may move it.
    expect((await refusal(colleague, move)).slice(0, 2)).toEqual([403, 'CASE_TASK_FORBIDDEN']);
    expect((await refusal(healthReviewer, move)).slice(0, 2)).toEqual([403, 'DEPARTMENT_SCOPE']);
    expect(await refusal(reviewer, { ...move, toDepartmentCode: SCJG })).toEqual([
      422,
      'CASE_TASK_DEPARTMENT_INVALID',
      [{ pointer: '/toDepartmentCode', code: 'case.department_same', message: '须是本环节当前承办部门以外的部门' }],
    ]);
    expect(await refusal(reviewer, { ...move, toDepartmentCode: '114399010060199999' })).toEqual([
      422,
      'CASE_TASK_DEPARTMENT_INVALID',
      [{ pointer: '/toDepartmentCode', code: 'case.department_unknown', message: '须是本中心在用的部门' }],
    ]);
    const noReason = await refusal(reviewer, { action: 'transferDepartment', toDepartmentCode: HEALTH });
    expect(noReason.slice(0, 2)).toEqual([422, 'VALIDATION_FAILED']);
    expect(noReason[2]).toEqual([{ pointer: '/reason', code: 'case.field_required', message: '该操作须填写此项' }]);
    const available = await reviewer.get(`/api/cases/${number}/tasks/t2`);
    expect(available.body.available).toContain('transferDepartment');
    expect((await caseOf(number)).tasks).toMatchObject([{ id: 't2', department: SCJG }]);
  });

  it('moves the task unclaimed to the other department, which claims and approves it; the first can no longer act', async () => {
    const number = await claimedReview();
    const before = (await caseOf(number)).revision as number;
    const moved = await ok(reviewer, number, 't2', { ...move, comment: '非本部门职权' });
    expect(moved.revision).toBe(before + 1);
    expect(moved.tasks).toMatchObject([{ id: 't3', department: HEALTH, assignee: null, role: 'reviewer' }]);
    expect((await eventsOf(number)).at(-1)).toMatchObject({
      type: 'task_department_transferred',
      details: { fromDepartmentCode: SCJG, toDepartmentCode: HEALTH, reason: move.reason, comment: '非本部门职权' },
    });
    const queue = await healthReviewer.get('/api/cases?queue=department');
    expect(queue.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ number, taskId: 't3' })]));
    expect(
      ((await reviewer.get('/api/cases?queue=mine')).body.items as { number: string }[]).some((i) => i.number === number),
    ).toBe(false);
    const stale = await act(reviewer, number, 't2', { action: 'approve' });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'FLOW_TASK_NOT_OPEN']);
    const foreign = await act(reviewer, number, 't3', { action: 'approve' });
    expect([foreign.status, foreign.body.error.code]).toEqual([403, 'CASE_TASK_FORBIDDEN']);
    await ok(healthReviewer, number, 't3', { action: 'claim' });
    const approved = await ok(healthReviewer, number, 't3', { action: 'approve' });
    // The 决定 step stays the owner department's.
    expect(approved.tasks).toMatchObject([{ role: 'chief', department: SCJG }]);
  });

  it('lets the chief move a queue task; a retry answers the first result, a stale revision is 409', async () => {
    const number = await acceptedFood();
    const { revision } = await caseOf(number);
    const body = { ...move, idempotencyKey: key(), revision };
    const first = await chief.post(`/api/cases/${number}/tasks/t2/actions`, body);
    expect(first.status, first.text).toBe(200);
    const retry = await chief.post(`/api/cases/${number}/tasks/t2/actions`, body);
    expect([retry.status, retry.body.revision]).toEqual([200, first.body.revision]);
    const stale = await chief.post(`/api/cases/${number}/tasks/t3/actions`, { ...body, idempotencyKey: key() });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'CASE_REVISION_CONFLICT']);
  });
});
