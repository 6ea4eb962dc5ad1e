import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDueTimers } from '../../platform/src/scheduler';
import { DEMO_CITIZEN_ID, prepareFoodDraft, submitDraft } from '../support/foodApplication';
import { mutableClock } from '../support/mutableClock';
import { startTestServer, type TestServer } from '../support/startTestServer';
import type { TestClient } from '../support/TestClient';

// The seed 食品经营许可, accepted Wednesday 2026-12-02: 6 working days, due Thursday 12-10; its review
// step (4 working days) due Tuesday 12-08.
const clock = mutableClock('2026-12-02T02:00:00Z');
const HEALTH = '11439901006010023P';
const PASSWORD = 'case-warnings-staff-2026';

let server: TestServer;
let citizen: TestClient;
let window: TestClient;
let reviewer: TestClient;
let chief: TestClient;
let healthWindow: TestClient;
let keys = 0;
const key = () => `case-warning-${(keys += 1)}-key`;

async function moveTo(iso: string) {
  clock.set(iso);
  citizen = await server.login(DEMO_CITIZEN_ID);
  window = await server.login('scjg_window');
  reviewer = await server.login('scjg_reviewer');
  chief = await server.login('scjg_chief');
  await healthWindow.login('wsj_warning_window', PASSWORD);
}

beforeAll(async () => {
  server = await startTestServer({ shouldSeedCatalog: true, clock });
  const sysadmin = await server.login('sysadmin');
  const created = await sysadmin.post('/api/users', {
    username: 'wsj_warning_window',
    displayName: '卫健窗口',
    role: 'window',
    departmentCode: HEALTH,
    password: PASSWORD,
  });
  expect(created.status, created.text).toBe(201);
  healthWindow = server.anonymous();
  await moveTo('2026-12-02T02:00:00Z');
});
afterAll(async () => server?.close());

async function submitted(): Promise<string> {
  const draft = await prepareFoodDraft(citizen);
  const answer = await submitDraft(citizen, draft.id, key());
  expect(answer.status, answer.text).toBe(201);
  return answer.body.number as string;
}

async function accepted(): Promise<string> {
  const number = await submitted();
  const answer = await window.post(`/api/cases/${number}/actions`, { action: 'accept', idempotencyKey: key(), revision: 1 });
  expect(answer.status, answer.text).toBe(200);
  return number;
}

async function warningsOf(number: string, client = chief) {
  const response = await client.get(`/api/cases/${number}/warnings`);
  expect(response.status, response.text).toBe(200);
  return response.body.items as { rung: string; taskId: string | null; details: Record<string, unknown> }[];
}

const CLOCK_RUNGS = ['yellow', 'red', 'overdue'];
const clockRungs = async (number: string) => (await warningsOf(number)).map((w) => w.rung).filter((r) => CLOCK_RUNGS.includes(r));

const fire = async () => {
  for (let round = 0; round < 3; round += 1) await runDueTimers(server.deps, { handlers: server.timerHandlers });
};

describe('warnings: each rung once per case, by the scheduler', () => {
  const stepTimers = async (number: string) => {
    const { rows } = await server.deps.db.query<{ rung: string; state: string; due_at: Date }>(
      `SELECT t.rung, t.state, t.due_at FROM timers t JOIN cases c ON t.subject = c.id::text
       JOIN applications a ON a.id = c.application_id WHERE a.number = $1 AND t.kind = 'case.stepOverdue' ORDER BY t.rung`,
      [number],
    );
    return rows.map((row) => [row.rung, row.state, row.due_at.toISOString()]);
  };

  it('a step over its own budget (环节超时) warns when it happens, by the timer its opening scheduled, once', async () => {
    await moveTo('2026-12-02T02:00:00Z');
    const number = await accepted();
    // Scheduled at 受理 for 00:00 on 12-09 in Shanghai, the day after the step's due day.
    expect(await stepTimers(number)).toEqual([['t2', 'pending', '2026-12-08T16:00:00.000Z']]);
    await moveTo('2026-12-08T01:00:00Z'); // the review step's last day: not over yet
    await fire();
    expect((await warningsOf(number)).filter((w) => w.rung === 'stepOverdue')).toEqual([]);
    // No sweep to find it: the step's own timer is enough.
    await server.deps.db.query(`UPDATE timers SET state = 'cancelled' WHERE kind = 'case.warningSweep' AND state = 'pending'`);
    await moveTo('2026-12-08T16:01:00Z');
    await fire();
    const step = (await warningsOf(number)).filter((w) => w.rung === 'stepOverdue');
    expect(step).toMatchObject([{ taskId: 't2', details: { due: '2026-12-08', taskName: '材料审查及现场核查' } }]);
    expect(await stepTimers(number)).toEqual([['t2', 'fired', '2026-12-08T16:00:00.000Z']]);
    // The sweep, the backstop, comes later and finds the rung spent: still one warning.
    await server.deps.db.query(`UPDATE timers SET state = 'pending' WHERE kind = 'case.warningSweep' AND state = 'cancelled'`);
    await moveTo('2026-12-09T16:01:00Z');
    await fire();
    await fire();
    const { rows: sweeps } = await server.deps.db.query<{ rung: string }>(
      `SELECT rung FROM timers WHERE kind = 'case.warningSweep' AND state = 'fired' ORDER BY rung`,
    );
    expect(sweeps.map((sweep) => sweep.rung)).toContain('2026-12-09');
    expect((await warningsOf(number)).filter((w) => w.rung === 'stepOverdue')).toHaveLength(1);
  });

  it('a step closed before its due day takes its timer with it; the next step gets its own', async () => {
    await moveTo('2026-12-02T02:00:00Z');
    const number = await accepted();
    await moveTo('2026-12-03T02:00:00Z');
    const revision = (await reviewer.get(`/api/cases/${number}`)).body.revision as number;
    const approved = await reviewer.post(`/api/cases/${number}/tasks/t2/actions`, {
      action: 'approve',
      idempotencyKey: key(),
      revision,
      comment: '材料齐全，现场核查符合要求',
    });
    expect(approved.status, approved.text).toBe(200);
    // The decision step (1 working day from Thursday 12-03) is due Friday 12-04: its warning at 00:00 on 12-05.
    expect(await stepTimers(number)).toEqual([
      ['t2', 'cancelled', '2026-12-08T16:00:00.000Z'],
      ['t3', 'pending', '2026-12-04T16:00:00.000Z'],
    ]);
    await moveTo('2026-12-09T01:00:00Z');
    await fire();
    expect((await warningsOf(number)).filter((w) => w.rung === 'stepOverdue').map((w) => w.taskId)).toEqual(['t3']);
  });

  it('yellow, red and overdue of the case clock, each once, on the first day it is reached', async () => {
    await moveTo('2026-12-02T02:00:00Z');
    const number = await accepted();
    await moveTo('2026-12-08T15:59:00Z'); // 23:59 on 12-08: nothing yet
    await fire();
    expect(await clockRungs(number)).toEqual([]);
    await moveTo('2026-12-09T01:00:00Z');
    await fire();
    await fire();
    expect(await clockRungs(number)).toEqual(['yellow']);
    expect((await warningsOf(number)).find((w) => w.rung === 'yellow')?.details).toMatchObject({
      level: 'yellow',
      due: '2026-12-10',
      workdaysLeft: 1,
    });
    await moveTo('2026-12-11T01:00:00Z');
    await fire();
    await fire();
    expect(await clockRungs(number)).toEqual(['yellow', 'red', 'overdue']);
    // Warnings are the staff's: another department may not read them, the applicant's timeline has none.
    expect((await healthWindow.get(`/api/cases/${number}/warnings`)).status).toBe(403);
    const timeline = await citizen.get(`/api/applications/${number}`);
    expect(timeline.body.events.map((event: { title: string }) => event.title)).toEqual(['提交申请', '已受理']);
  });

  it('flags repeated 补正 once, at the second notice', async () => {
    await moveTo('2026-12-02T02:00:00Z');
    const number = await submitted();
    const items = [{ kind: 'material', materialId: 'premisesProof', reason: '经营场所使用证明已过期' }];
    for (const revision of [1, 2, 3]) {
      const answer = await window.post(`/api/cases/${number}/actions`, {
        action: 'supplement',
        idempotencyKey: key(),
        revision,
        items,
      });
      expect(answer.status, answer.text).toBe(200);
      await fire();
      expect((await warningsOf(number)).filter((w) => w.rung === 'repeatedSupplement')).toHaveLength(revision > 1 ? 1 : 0);
    }
    expect((await warningsOf(number)).find((w) => w.rung === 'repeatedSupplement')?.details).toEqual({ noticeNumber: 2 });
  });

  it('flags a case nobody worked on by half its working days (体外循环 risk), not one that was claimed', async () => {
    await moveTo('2026-12-02T02:00:00Z');
    const idle = await accepted();
    const worked = await accepted();
    const revision = (await reviewer.get(`/api/cases/${worked}`)).body.revision as number;
    const claim = await reviewer.post(`/api/cases/${worked}/tasks/t2/actions`, {
      action: 'claim',
      idempotencyKey: key(),
      revision,
    });
    expect(claim.status, claim.text).toBe(200);
    // 3 of 6 working days (12-03, 04, 07) pass; flagged from 12-08.
    await moveTo('2026-12-08T01:00:00Z');
    await fire();
    expect((await warningsOf(idle)).map((w) => w.rung)).toContain('noActivity');
    expect((await warningsOf(worked)).map((w) => w.rung)).not.toContain('noActivity');
  });
});

describe('a pending timer across a restart of the server', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mf-warnings-restart-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it.skipIf(Boolean(process.env.DATABASE_URL))('survives the restart and fires once', async () => {
    const restartClock = mutableClock('2026-12-02T02:00:00Z');
    const first = await startTestServer({ shouldSeedCatalog: true, clock: restartClock, env: { DATA_DIR: dataDir } });
    let number: string;
    try {
      const applicant = await first.login(DEMO_CITIZEN_ID);
      const draft = await prepareFoodDraft(applicant);
      const answer = await submitDraft(applicant, draft.id, key());
      expect(answer.status, answer.text).toBe(201);
      number = answer.body.number as string;
      const clerk = await first.login('scjg_window');
      const acceptedCase = await clerk.post(`/api/cases/${number}/actions`, {
        action: 'accept',
        idempotencyKey: key(),
        revision: 1,
      });
      expect(acceptedCase.status, acceptedCase.text).toBe(200);
    } finally {
      await first.close();
    }
    restartClock.set('2026-12-09T01:00:00Z');
    const second = await startTestServer({ shouldSeedCatalog: true, clock: restartClock, env: { DATA_DIR: dataDir } });
    try {
      await runDueTimers(second.deps, { handlers: second.timerHandlers });
      await runDueTimers(second.deps, { handlers: second.timerHandlers });
      const { rows } = await second.deps.db.query<{ rung: string }>(
        `SELECT w.rung FROM case_warnings w JOIN cases c ON c.id = w.case_id JOIN applications a ON a.id = c.application_id
         WHERE a.number = $1 AND w.rung = 'yellow'`,
        [number],
      );
      expect(rows).toEqual([{ rung: 'yellow' }]);
      const timers = await second.deps.db.query<{ state: string; attempts: number }>(
        `SELECT t.state, t.attempts FROM timers t JOIN cases c ON t.subject = c.id::text JOIN applications a ON a.id = c.application_id
         WHERE a.number = $1 AND t.kind = 'case.warning' AND t.rung = 'yellow'`,
        [number],
      );
      expect(timers.rows).toEqual([{ state: 'fired', attempts: 1 }]);
    } finally {
      await second.close();
    }
  });
});
