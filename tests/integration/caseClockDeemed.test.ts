import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../platform/src/kernel';
import { runDueTimers, scheduleTimer } from '../../platform/src/scheduler';
import { DEMO_CITIZEN_ID, submitDraft } from '../support/foodApplication';
import { foodLicence } from '../support/matterFixtures';
import { mutableClock } from '../support/mutableClock';
import { publishMatter } from '../support/publishMatter';
import { startTestServer, type TestServer } from '../support/startTestServer';
import type { TestClient } from '../support/TestClient';

// 超时默许 across 国庆 2025 and 春节 2026 (make-up weekend days included), with a pause and an extension.
const clock = mutableClock('2025-09-26T02:00:00Z');

/** 5 working days statutory and promised, extension 3, expert review. */
const deemedMatter = (suffix: string, extra: Record<string, unknown> = {}) => {
  const base = foodLicence({ suffix });
  return {
    ...base,
    ...extra,
    timeLimits: {
      statutory: { value: 5, unit: 'workday', extension: { value: 3, unit: 'workday', approver: '本行政机关负责人' } },
      promised: { value: 5, unit: 'workday' },
    },
    specialProcedures: [{ name: '专家评审', kind: 'expertReview', maxDays: 10, unit: 'workday', isCounted: false }],
    flow: {
      ...base.flow,
      allowsDeemedApproval: true,
      nodes: base.flow.nodes.map((node) =>
        node.id === 'review'
          ? { ...node, budgetDays: 3, actions: ['approve', 'return', 'specialProcedure'], specialProcedures: ['专家评审'] }
          : node,
      ),
    },
  };
};

let server: TestServer;
let citizen: TestClient;
let window: TestClient;
let reviewer: TestClient;
let chief: TestClient;
const codes = { allowed: '', safety: '' };
let keys = 0;
const key = () => `case-deemed-${(keys += 1)}-key`;

async function moveTo(iso: string) {
  clock.set(iso);
  citizen = await server.login(DEMO_CITIZEN_ID);
  window = await server.login('scjg_window');
  reviewer = await server.login('scjg_reviewer');
  chief = await server.login('scjg_chief');
}

beforeAll(async () => {
  server = await startTestServer({ shouldSeedCatalog: true, clock });
  const legal = await server.login('legal');
  const allowed = deemedMatter('0001310240301');
  // The flow says yes, but a public-safety matter may never be deemed approved.
  const safety = deemedMatter('0001310240302', { publicSafety: true });
  await publishMatter(legal, allowed);
  // The quality rule blocks that combination; even a risk accepted by mistake leaves the engine refusing.
  const risks = [{ rule: 'safety.deemed_approval', pointer: '/flow/allowsDeemedApproval', reason: '误记的风险接受' }];
  for (const step of [
    () => legal.post('/api/matters', { document: safety }),
    () => legal.post(`/api/matters/${safety.code}/transitions`, { action: 'submit', acceptedRisks: risks }),
    () =>
      legal.post(`/api/matters/${safety.code}/transitions`, {
        action: 'publish',
        acceptedRisks: risks,
      }),
  ]) {
    const response = await step();
    expect(response.status, response.text).toBeLessThan(300);
  }
  codes.allowed = allowed.code;
  codes.safety = safety.code;
  await moveTo('2025-09-26T02:00:00Z');
});
afterAll(async () => server?.close());

async function acceptedCase(matterCode: string): Promise<string> {
  const created = await citizen.post('/api/drafts', { matterCode });
  expect(created.status, created.text).toBe(201);
  const saved = await citizen.put(`/api/drafts/${created.body.id}`, {
    revision: created.body.revision,
    answers: {},
    formData: { enterpriseName: '云溪县春梅小吃店', creditCode: '92439901MA4L0XXX1X', byAgent: false },
    materials: {},
  });
  expect(saved.status, saved.text).toBe(200);
  const submitted = await submitDraft(citizen, created.body.id as string, key());
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

async function act(client: TestClient, number: string, body: Record<string, unknown>, path = 'actions') {
  const { revision } = await caseOf(number);
  const response = await client.post(`/api/cases/${number}/${path}`, { idempotencyKey: key(), revision, ...body });
  expect(response.status, response.text).toBe(200);
  return response.body;
}

async function deemedTimer(number: string) {
  const { rows } = await server.deps.db.query<{ state: string; due_at: Date }>(
    `SELECT t.state, t.due_at FROM timers t JOIN cases c ON t.subject = c.id::text JOIN applications a ON a.id = c.application_id
     WHERE a.number = $1 AND t.kind = 'case.deemedApproval'`,
    [number],
  );
  return rows.map((row) => [row.state, row.due_at.toISOString()]);
}

async function deemedEvents(number: string) {
  const { rows } = await server.deps.db.query<{ details: Record<string, unknown> }>(
    `SELECT e.details FROM application_events e JOIN applications a ON a.id = e.application_id
     WHERE a.number = $1 AND e.type = 'case_deemed_approved'`,
    [number],
  );
  return rows;
}

const fire = async () => {
  await runDueTimers(server.deps, { handlers: server.timerHandlers });
  await runDueTimers(server.deps, { handlers: server.timerHandlers });
};

describe('deemed approval (超时默许) when the statutory limit runs out undecided', () => {
  it('across 国庆 2025: a pause of two working days and an extension of three move it; it fires once', async () => {
    const number = await acceptedCase(codes.allowed);
    // The worked example: accepted Friday 09-26, 5 working days, due 10-10; deemed from 10-11.
    expect((await caseOf(number)).clock).toMatchObject({ due: '2025-10-10' });
    expect(await deemedTimer(number)).toEqual([['pending', '2025-10-10T16:00:00.000Z']]);

    await moveTo('2025-09-29T02:00:00Z');
    await act(reviewer, number, { action: 'claim' }, 'tasks/t2/actions');
    const notice = '需组织专家评审，所需时间不计入办理期限，最长10个工作日。';
    await act(reviewer, number, { action: 'startSpecialProcedure', taskId: 't2', procedure: '专家评审', days: 10, notice });
    // While the procedure runs, no deemed approval can be fixed.
    expect(await deemedTimer(number)).toEqual([['cancelled', '2025-10-10T16:00:00.000Z']]);
    await moveTo('2025-09-30T02:00:00Z');
    const resumed = await act(reviewer, number, { action: 'endSpecialProcedure', taskId: 't2', procedure: '专家评审' });
    // 09-29 and 09-30 held: 10-11 (a make-up Saturday) and 10-13.
    expect(resumed.clock).toMatchObject({ due: '2025-10-13' });
    expect(await deemedTimer(number)).toEqual([['pending', '2025-10-13T16:00:00.000Z']]);

    await moveTo('2025-10-09T02:00:00Z');
    const extended = await act(chief, number, {
      action: 'extend',
      days: 3,
      approvedBy: '县市场监督管理局局长',
      reasonText: '专家意见分歧，需补充论证',
    });
    expect(extended.clock).toMatchObject({ due: '2025-10-16' });
    expect(await deemedTimer(number)).toEqual([['pending', '2025-10-16T16:00:00.000Z']]);

    await moveTo('2025-10-16T15:59:00Z'); // 23:59 on the last day: still the body's to decide
    await fire();
    expect((await caseOf(number)).status).toBe('in_review');
    await moveTo('2025-10-16T16:30:00Z'); // 00:30 on 10-17
    await fire();
    await fire();
    const view = await caseOf(number);
    expect(view).toMatchObject({
      status: 'decided',
      tasks: [],
      flowStatus: 'terminated',
      decision: { outcome: 'approved', decidedOn: '2025-10-17', decidedBy: '超时默许', resultNumber: null, remedies: null },
      clock: { state: 'stopped' },
    });
    const events = await deemedEvents(number);
    expect(events).toHaveLength(1);
    expect(events[0]?.details).toMatchObject({
      statutoryDue: '2025-10-16',
      deemedOn: '2025-10-17',
      before: { status: 'in_review', tasks: ['t2'] },
      after: { status: 'decided' },
    });
    const open = await server.deps.db.query(
      `SELECT 1 FROM case_tasks t JOIN cases c ON c.id = t.case_id JOIN applications a ON a.id = c.application_id
       WHERE a.number = $1 AND t.closed_at IS NULL`,
      [number],
    );
    expect(open.rows).toEqual([]);
    const timeline = await citizen.get(`/api/applications/${number}`);
    expect(timeline.body.events.at(-1).title).toBe('期限届满未作出决定，视为准予许可');
  });

  it('across 春节 2026: deemed on the day after the limit; refused (no timer, no decision) on a public-safety matter', async () => {
    await moveTo('2026-02-10T02:00:00Z');
    const allowed = await acceptedCase(codes.allowed);
    const safety = await acceptedCase(codes.safety);
    // 02-11, 02-12, 02-13, 02-14 (a make-up Saturday), then 02-15 … 02-23 off: 02-24.
    expect((await caseOf(allowed)).clock).toMatchObject({ due: '2026-02-24' });
    expect((await caseOf(safety)).clock).toMatchObject({ due: '2026-02-24' });
    expect(await deemedTimer(allowed)).toEqual([['pending', '2026-02-24T16:00:00.000Z']]);
    expect(await deemedTimer(safety)).toEqual([]);

    // Even a timer that reached a public-safety case (scheduled before the flag was set) decides nothing.
    const { rows } = await server.deps.db.query<{ id: string }>(
      'SELECT c.id FROM cases c JOIN applications a ON a.id = c.application_id WHERE a.number = $1',
      [safety],
    );
    await server.deps.db.transaction((tx) =>
      scheduleTimer(
        server.deps,
        { actor: SYSTEM_ACTOR, tx },
        {
          kind: 'case.deemedApproval',
          subject: rows[0]?.id ?? '',
          dueAt: new Date('2026-02-24T16:00:00Z'),
        },
      ),
    );
    await moveTo('2026-02-25T01:00:00Z');
    await fire();
    expect(await caseOf(allowed)).toMatchObject({ status: 'decided', decision: { decidedOn: '2026-02-25' } });
    expect((await caseOf(safety)).status).toBe('in_review');
    expect(await deemedEvents(safety)).toEqual([]);
    expect(await deemedTimer(safety)).toEqual([['fired', '2026-02-24T16:00:00.000Z']]);
  });
});
