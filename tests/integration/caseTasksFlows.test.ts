import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CITIZEN_ID, submitDraft } from '../support/foodApplication';
import { foodLicence, scjgCode } from '../support/matterFixtures';
import { mutableClock } from '../support/mutableClock';
import { publishMatter } from '../support/publishMatter';
import { samplePdf } from '../support/sampleFiles';
import { uploadFile } from '../support/uploadFile';
import { startTestServer, type TestServer } from '../support/startTestServer';
import type { TestClient } from '../support/TestClient';

// Wednesday 2026-12-02, 10:00 in Shanghai.
const clock = mutableClock('2026-12-02T02:00:00Z');
const HEALTH = '11439901006010023P'; // 云溪县卫生健康局
const POLICE = '11439901006010103B'; // 云溪县公安局
const PASSWORD = 'case-flows-staff-2026';

const accept = { id: 'accept', kind: 'task', name: '受理', role: 'window', budgetDays: 1, next: 'joint' };
const decide = { id: 'decide', kind: 'task', name: '决定', role: 'chief', budgetDays: 1, next: 'end' };
const review = (id: string, name: string) => ({
  id,
  name,
  role: 'reviewer',
  budgetDays: 2,
  actions: ['approve', 'return', 'terminate'],
});

/** 并联: the market department leads; health always joins; police only when an agent applies. */
const jointFlow = (completion: 'all' | 'any') => ({
  start: 'accept',
  nodes: [
    accept,
    {
      id: 'joint',
      kind: 'parallel',
      name: '联合审查',
      lead: '$owner',
      completion,
      branches: [
        { id: 'market', name: '市场监管审查', department: '$owner', steps: [review('marketReview', '经营条件审查')] },
        { id: 'health', name: '卫生审查', department: HEALTH, steps: [review('healthReview', '卫生条件审查')] },
        {
          id: 'police',
          name: '代理人核验',
          department: POLICE,
          condition: { properties: { byAgent: { const: true } }, required: ['byAgent'] },
          steps: [review('agentCheck', '代理人身份核验')],
        },
      ],
      next: 'decide',
    },
    decide,
  ],
});

/** A conditional step: an agent's application passes a check of the power of attorney first. */
const branchingFlow = {
  start: 'accept',
  nodes: [
    { ...accept, next: 'review' },
    {
      ...review('review', '材料审查'),
      kind: 'task',
      next: {
        cases: [{ when: { properties: { byAgent: { const: true } }, required: ['byAgent'] }, to: 'proxy' }],
        otherwise: 'decide',
      },
    },
    { ...review('proxy', '委托书核验'), kind: 'task', next: 'decide' },
    decide,
  ],
};

let server: TestServer;
let citizen: TestClient;
let window: TestClient;
let reviewer: TestClient;
let chief: TestClient;
let healthReviewer: TestClient;
let policeReviewer: TestClient;
let keys = 0;
const key = () => `case-flow-${(keys += 1)}-key`;
const codes = { all: '', any: '', branching: '', commitment: '' };

beforeAll(async () => {
  server = await startTestServer({ shouldSeedCatalog: true, clock });
  citizen = await server.login(DEMO_CITIZEN_ID);
  window = await server.login('scjg_window');
  reviewer = await server.login('scjg_reviewer');
  chief = await server.login('scjg_chief');
  const sysadmin = await server.login('sysadmin');
  const staff = async (username: string, departmentCode: string) => {
    const created = await sysadmin.post('/api/users', {
      username,
      displayName: username,
      role: 'reviewer',
      departmentCode,
      password: PASSWORD,
    });
    expect(created.status, created.text).toBe(201);
    const client = server.anonymous();
    await client.login(username, PASSWORD);
    return client;
  };
  healthReviewer = await staff('wsj_flow_reviewer', HEALTH);
  policeReviewer = await staff('gaj_flow_reviewer', POLICE);
  const legal = await server.login('legal');
  const matters = {
    all: { ...foodLicence({ suffix: '0001310240101' }), flow: jointFlow('all') },
    any: { ...foodLicence({ suffix: '0001310240102' }), flow: jointFlow('any') },
    branching: { ...foodLicence({ suffix: '0001310240103' }), flow: branchingFlow },
    commitment: {
      ...foodLicence({ suffix: '0001310240104' }),
      commitment: {
        letterMaterialId: 'application',
        verification: { method: '现场核查经营场所', period: { value: 30, unit: 'day' } },
      },
    },
  };
  for (const [name, document] of Object.entries(matters)) {
    await publishMatter(legal, document);
    codes[name as keyof typeof codes] = document.code;
  }
});
afterAll(async () => server?.close());

/** An application for one of the test matters, submitted and accepted: its number. */
async function acceptedCase(matterCode: string, { byAgent = false } = {}): Promise<string> {
  const created = await citizen.post('/api/drafts', { matterCode });
  expect(created.status, created.text).toBe(201);
  const materials: Record<string, string[]> = {};
  if (byAgent) {
    // An agent brings the power of attorney.
    const bytes = samplePdf();
    const proxy = await uploadFile(citizen, {
      draftId: created.body.id as string,
      materialId: 'proxy',
      name: 'proxy.pdf',
      bytes,
    });
    expect(proxy.status, proxy.text).toBe(201);
    materials.proxy = [proxy.body.id as string];
  }
  const saved = await citizen.put(`/api/drafts/${created.body.id}`, {
    revision: created.body.revision,
    answers: {},
    formData: { enterpriseName: '云溪县春梅小吃店', creditCode: '92439901MA4L0XXX1X', byAgent },
    materials,
  });
  expect(saved.status, saved.text).toBe(200);
  const submitted = await submitDraft(citizen, created.body.id as string, key());
  expect(submitted.status, submitted.text).toBe(201);
  const number = submitted.body.number as string;
  const accepted = await window.post(`/api/cases/${number}/actions`, { action: 'accept', idempotencyKey: key(), revision: 1 });
  expect(accepted.status, accepted.text).toBe(200);
  return number;
}

async function caseOf(client: TestClient, number: string) {
  const response = await client.get(`/api/cases/${number}`);
  expect(response.status, response.text).toBe(200);
  return response.body;
}

async function act(client: TestClient, number: string, taskId: string, body: Record<string, unknown>) {
  const { revision } = await caseOf(window, number);
  return client.post(`/api/cases/${number}/tasks/${taskId}/actions`, { idempotencyKey: key(), revision, ...body });
}

async function ok(client: TestClient, number: string, taskId: string, body: Record<string, unknown>) {
  const response = await act(client, number, taskId, body);
  expect(response.status, response.text).toBe(200);
  return response.body;
}

const taskOf = (view: { tasks: { id: string; department: string }[] }, department: string) => {
  const task = view.tasks.find((t) => t.department === department);
  if (!task) throw new Error(`no open task of ${department} in ${JSON.stringify(view.tasks)}`);
  return task.id;
};

describe('case tasks: parallel review (并联) with a lead department', () => {
  it('会签: every started branch must approve; the branch whose condition fails is not started', async () => {
    const number = await acceptedCase(codes.all);
    const view = await caseOf(window, number);
    expect(view.tasks.map((t: { department: string }) => t.department).sort()).toEqual([scjgCode(), HEALTH].sort());
    // The health department works on the case: it reads it, finds its task in its queue, and acts.
    const healthTask = taskOf(view, HEALTH);
    await caseOf(healthReviewer, number);
    const queued = await healthReviewer.get('/api/cases?queue=department');
    expect(queued.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ number, taskId: healthTask, department: HEALTH })]),
    );
    // Not the market's task, and the police (no branch started) may not read the case at all.
    const foreign = await act(healthReviewer, number, taskOf(view, scjgCode()), { action: 'approve' });
    expect([foreign.status, foreign.body.error.code]).toEqual([403, 'CASE_TASK_FORBIDDEN']);
    const police = await policeReviewer.get(`/api/cases/${number}`);
    expect([police.status, police.body.error.code]).toEqual([403, 'DEPARTMENT_SCOPE']);

    const half = await ok(reviewer, number, taskOf(view, scjgCode()), { action: 'approve' });
    expect(half.tasks).toMatchObject([{ id: healthTask, department: HEALTH }]);
    const joined = await ok(healthReviewer, number, healthTask, { action: 'approve' });
    expect(joined.tasks).toMatchObject([{ name: '决定', role: 'chief', department: scjgCode() }]);
    const events = await server.deps.db.query<{ details: { effects: { type: string }[] } }>(
      `SELECT e.details FROM application_events e JOIN applications a ON a.id = e.application_id
       WHERE a.number = $1 AND e.type = 'case_accepted'`,
      [number],
    );
    expect(events.rows[0]?.details.effects).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'groupStarted', lead: scjgCode(), completion: 'all', notStarted: ['police'] }),
      ]),
    );
  });

  it("会签 with the conditional branch started: an agent's application waits for the police too", async () => {
    const number = await acceptedCase(codes.all, { byAgent: true });
    const view = await caseOf(window, number);
    expect(view.tasks.map((t: { department: string }) => t.department).sort()).toEqual([scjgCode(), HEALTH, POLICE].sort());
    await ok(reviewer, number, taskOf(view, scjgCode()), { action: 'approve' });
    await ok(healthReviewer, number, taskOf(view, HEALTH), { action: 'approve' });
    const waiting = await caseOf(window, number);
    expect(waiting.tasks).toMatchObject([{ department: POLICE }]);
    const done = await ok(policeReviewer, number, taskOf(view, POLICE), { action: 'approve' });
    expect(done.tasks).toMatchObject([{ role: 'chief' }]);
  });

  it('或签: the first approval joins; the other branch is cancelled and its holder told the task closed', async () => {
    const number = await acceptedCase(codes.any);
    const view = await caseOf(window, number);
    const healthTask = taskOf(view, HEALTH);
    const joined = await ok(reviewer, number, taskOf(view, scjgCode()), { action: 'approve' });
    expect(joined.tasks).toMatchObject([{ role: 'chief' }]);
    const late = await act(healthReviewer, number, healthTask, { action: 'approve' });
    expect([late.status, late.body.error.code]).toEqual([409, 'FLOW_TASK_NOT_OPEN']);
    const rows = await server.deps.db.query<{ outcome: string }>(
      `SELECT t.outcome FROM case_tasks t JOIN cases c ON c.id = t.case_id JOIN applications a ON a.id = c.application_id
       WHERE a.number = $1 AND t.task_id = $2`,
      [number, healthTask],
    );
    expect(rows.rows).toEqual([{ outcome: 'cancelled' }]);
    expect(
      (await healthReviewer.get('/api/cases?queue=department')).body.items.map((i: { number: string }) => i.number),
    ).not.toContain(number);
  });
});

describe('case tasks: conditional steps and 告知承诺', () => {
  it('takes the conditional step only when its condition on the form data holds', async () => {
    const direct = await acceptedCase(codes.branching);
    const first = await caseOf(window, direct);
    const afterReview = await ok(reviewer, direct, first.tasks[0].id, { action: 'approve' });
    expect(afterReview.tasks).toMatchObject([{ name: '决定' }]);

    const byAgent = await acceptedCase(codes.branching, { byAgent: true });
    const agentView = await caseOf(window, byAgent);
    const proxy = await ok(reviewer, byAgent, agentView.tasks[0].id, { action: 'approve' });
    expect(proxy.tasks).toMatchObject([{ name: '委托书核验', role: 'reviewer' }]);
  });

  it('terminates (终止) where the step offers it: the case ends terminated, its clock stopped, its tasks cancelled', async () => {
    const number = await acceptedCase(codes.branching);
    const view = await caseOf(window, number);
    const noReason = await act(reviewer, number, view.tasks[0].id, { action: 'terminate' });
    expect(noReason.status).toBe(422);
    const ended = await ok(reviewer, number, view.tasks[0].id, { action: 'terminate', reason: '申请人已注销营业执照' });
    expect(ended).toMatchObject({
      status: 'terminated',
      statusLabel: '已终止',
      flowStatus: 'terminated',
      tasks: [],
      decision: null,
      clock: { state: 'stopped' },
    });
    const rows = await server.deps.db.query<{ outcome: string }>(
      `SELECT t.outcome FROM case_tasks t JOIN cases c ON c.id = t.case_id JOIN applications a ON a.id = c.application_id
       WHERE a.number = $1 ORDER BY t.task_id`,
      [number],
    );
    expect(rows.rows.map((row) => row.outcome)).toEqual(['approved', 'cancelled']);
    const { revision } = await caseOf(window, number);
    const delivered = await window.post(`/api/cases/${number}/completion`, { idempotencyKey: key(), revision, method: 'onSite' });
    expect([delivered.status, delivered.body.error.code]).toEqual([409, 'CASE_ACTION_NOT_ALLOWED']);
  });

  it('opens the post-approval 核查 task of a 告知承诺 approval, due after the commitment period', async () => {
    const number = await acceptedCase(codes.commitment);
    const view = await caseOf(window, number);
    const review = await ok(reviewer, number, view.tasks[0].id, { action: 'approve' });
    const decided = await ok(chief, number, review.tasks[0].id, { action: 'decide', resultNumber: 'JY14399010099999' });
    expect(decided).toMatchObject({ status: 'decided', decision: { outcome: 'approved', resultNumber: 'JY14399010099999' } });
    const queued = (await reviewer.get('/api/cases?queue=department')).body.items.find(
      (i: { number: string }) => i.number === number,
    );
    // 30 days from Wednesday 12-02: Friday 2027-01-01, in a year the calendar has no data for yet (暂定).
    expect(queued).toMatchObject({
      taskId: 'v1',
      kind: 'verification',
      taskName: '告知承诺事后核查',
      openedOn: '2026-12-02',
      due: '2027-01-01',
      provisional: true,
      level: 'normal',
    });
    // Only a reviewer of the case's department verifies; the holder closes it with what was found.
    const byChief = await act(chief, number, 'v1', { action: 'approve' });
    expect([byChief.status, byChief.body.error.code]).toEqual([403, 'CASE_TASK_FORBIDDEN']);
    const decideIt = await act(reviewer, number, 'v1', { action: 'decide', resultNumber: 'X1' });
    expect([decideIt.status, decideIt.body.error.code]).toEqual([409, 'FLOW_ACTION_NOT_ALLOWED']);
    await ok(reviewer, number, 'v1', { action: 'claim' });
    const verified = await ok(reviewer, number, 'v1', { action: 'approve', comment: '现场核查经营场所与承诺一致' });
    expect(verified).toMatchObject({ status: 'decided' });
    const again = await act(reviewer, number, 'v1', { action: 'approve' });
    expect([again.status, again.body.error.code]).toEqual([409, 'FLOW_TASK_NOT_OPEN']);
    const rows = await server.deps.db.query<{ outcome: string; assignee: string }>(
      `SELECT t.outcome, t.assignee FROM case_tasks t JOIN cases c ON c.id = t.case_id JOIN applications a ON a.id = c.application_id
       WHERE a.number = $1 AND t.task_id = 'v1'`,
      [number],
    );
    expect(rows.rows).toEqual([{ outcome: 'verified', assignee: expect.any(String) }]);
    const types = await server.deps.db.query<{ type: string }>(
      `SELECT e.type FROM application_events e JOIN applications a ON a.id = e.application_id WHERE a.number = $1 ORDER BY e.id`,
      [number],
    );
    expect(types.rows.map((row) => row.type).slice(-2)).toEqual(['task_claimed', 'case_verified']);
  });
});
