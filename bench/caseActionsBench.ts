import { actOnCase } from '../platform/src/cases';
import type { Db, UserActor } from '../platform/src/kernel';
import { DEMO_CITIZEN_ID, prepareFoodDraft, submitDraft } from '../tests/support/foodApplication';
import { startTestServer } from '../tests/support/startTestServer';
import { median } from './stats';

const ACTIONS = 200;

async function actorOf(db: Db, username: string): Promise<UserActor> {
  const { rows } = await db.query<{ id: number; display_name: string; role: UserActor['role']; department_code: string | null }>(
    'SELECT id, display_name, role, department_code FROM users WHERE username = $1',
    [username],
  );
  const row = rows[0];
  if (!row) throw new Error(`no user ${username}`);
  return {
    kind: 'user',
    userId: row.id,
    username,
    displayName: row.display_name,
    role: row.role,
    departmentCode: row.department_code,
  };
}

/** The statements one clock action amounts to, written by hand: lock, update, event, key, timers. */
async function rawAction(db: Db, { caseId, applicationId, i }: { caseId: number; applicationId: number; i: number }) {
  const at = new Date();
  await db.transaction(async (tx) => {
    await tx.query('SELECT revision FROM cases WHERE id = $1 FOR UPDATE', [caseId]);
    await tx.query(`UPDATE cases SET clock = clock, revision = revision + 1, updated_at = $2 WHERE id = $1`, [caseId, at]);
    await tx.query(
      `INSERT INTO application_events (application_id, at, type, actor_user_id, actor_name, details) VALUES ($1, $2, 'bench', NULL, NULL, '{}')`,
      [applicationId, at],
    );
    await tx.query(`INSERT INTO case_action_keys (key, case_id, user_id, answer, created_at) VALUES ($1, $2, 1, '{}', $3)`, [
      `raw-action-${i}-${at.getTime()}`,
      caseId,
      at,
    ]);
    await tx.query(
      `UPDATE timers SET state = 'cancelled', cancelled_at = $2 WHERE subject = $1 AND state = 'pending' AND kind = 'raw'`,
      [`raw-${caseId}`, at],
    );
    for (const rung of ['yellow', 'red', 'overdue'])
      await tx.query(
        `INSERT INTO timers (kind, subject, rung, due_at, run_at, payload, created_at) VALUES ('raw', $1, $2, $3, $3, '{}', $3)
         ON CONFLICT (kind, subject, rung) DO UPDATE SET state = 'pending' WHERE timers.state = 'cancelled'`,
        [`raw-${caseId}`, rung, at],
      );
  });
}

/**
 * Issue 9: clock actions per second on one case (a special procedure started and ended in turn, as
 * the operation runs them: lock, checks, context, clock derivation, event, key, timers rescheduled)
 * against the raw statements they write. One stream: every action waits for the case row's lock.
 */
export async function runCaseActionsBench(lines: string[], { runs }: { runs: number }): Promise<void> {
  const server = await startTestServer({ shouldSeedCatalog: true });
  try {
    const citizen = await server.login(DEMO_CITIZEN_ID);
    const window = await server.login('scjg_window');
    const draft = await prepareFoodDraft(citizen);
    const submitted = await submitDraft(citizen, draft.id, 'bench-actions-submit');
    const number = submitted.body.number as string;
    await window.post(`/api/cases/${number}/actions`, { action: 'accept', idempotencyKey: 'bench-actions-accept', revision: 1 });
    // The seed food licence registers no special procedure: the bench's own, on its pinned version.
    await server.deps.db.query(
      `UPDATE matter_versions SET document = jsonb_set(jsonb_set(document, '{specialProcedures}',
         '[{"name":"现场核查","kind":"siteSurvey","isCounted":false,"maxDays":5,"unit":"workday"}]'),
         '{flow,nodes,1,actions}', '["approve","return","specialProcedure"]')
       WHERE (code, version) IN (SELECT matter_code, version FROM applications WHERE number = $1)`,
      [number],
    );
    const { rows } = await server.deps.db.query<{ id: string; application_id: string; revision: number }>(
      'SELECT c.id, c.application_id, c.revision FROM cases c JOIN applications a ON a.id = c.application_id WHERE a.number = $1',
      [number],
    );
    const caseId = Number(rows[0]?.id);
    const applicationId = Number(rows[0]?.application_id);
    let revision = rows[0]?.revision ?? 0;
    const reviewer = await actorOf(server.deps.db, 'scjg_reviewer');
    const deps = { ...server.deps, region: server.config.region };
    const call = { actor: reviewer };
    const perSecond: number[] = [];
    const rawPerSecond: number[] = [];
    let serial = 0;
    for (let run = 0; run < runs; run += 1) {
      let started = performance.now();
      for (let i = 0; i < ACTIONS; i += 1) {
        serial += 1;
        const action = serial % 2 === 1 ? 'startSpecialProcedure' : 'endSpecialProcedure';
        const input = {
          action,
          idempotencyKey: `bench-clock-${serial}`,
          revision,
          taskId: 't2',
          procedure: '现场核查',
          ...(action === 'startSpecialProcedure' ? { days: 3, notice: '现场核查预计需要3个工作日，所需时间不计入办理期限' } : {}),
        } as const;
        revision = (await actOnCase(deps, call, { number, input })).view.revision;
      }
      perSecond.push((ACTIONS * 1000) / (performance.now() - started));
      started = performance.now();
      for (let i = 0; i < ACTIONS; i += 1) await rawAction(server.deps.db, { caseId, applicationId, i: run * ACTIONS + i });
      rawPerSecond.push((ACTIONS * 1000) / (performance.now() - started));
    }
    const a = median(perSecond);
    const r = median(rawPerSecond);
    lines.push(
      `## Clock actions on one case stream (issue 9: ${ACTIONS} actions per run, ${runs} runs, ${server.deps.db.kind})`,
      '',
    );
    lines.push('| measurement | actions/s | baseline (its raw statements) | ratio |', '|---|---|---|---|');
    lines.push(
      `| startSpecialProcedure / endSpecialProcedure in turn | ${a.toFixed(0)} | ${r.toFixed(0)} | ${(r / a).toFixed(2)}× slower |`,
      '',
    );
  } finally {
    await server.close();
  }
}
