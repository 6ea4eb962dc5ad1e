import { seedCalendars } from '../platform/src/calendar';
import { sweepCaseWarnings } from '../platform/src/cases';
import { openDb } from '../platform/src/infra';
import { SYSTEM_ACTOR, fixedClock, type Db } from '../platform/src/kernel';
import { pgliteScratch, postgresScratch } from './scratchDatabase';
import { median } from './stats';

const CASES = 100_000;
const PAGE = 1000;
// Thursday 2026-12-10, 08:00 in Shanghai: the cases were accepted over the 60 working days before.
const NOW_ISO = '2026-12-10T00:00:00Z';
const NOW = new Date(NOW_ISO);

/**
 * 100,000 open cases written straight into a scratch database (foreign keys off: only the case rows,
 * their applications' ids and one open step each matter to the sweep): budgets of 5–24 working days,
 * accepted over the last four weeks, so a share reach a rung today or tomorrow; a tenth paused.
 */
async function fill(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(`SET LOCAL session_replication_role = replica`);
    await tx.query(
      `INSERT INTO applications (id, number, draft_id, matter_code, version, matter_name, department_code, applicant_id_number,
         applicant, filed_by_user_id, is_on_behalf, answers, form_data, materials, idempotency_key, submitted_at, received_on)
       SELECT i, 'B' || lpad(i::text, 30, '0'), md5(i::text)::uuid, 'm', 1, '事项', 'd', 'x', '{}', 1, false, '{}', '{}', '[]',
         'k' || i, $1, '2026-09-01'
       FROM generate_series(1, $2) AS i`,
      [NOW, CASES],
    );
    await tx.query(
      `INSERT INTO cases (id, application_id, department_code, status, received_on, complete_on, accepted_on, clock, created_at, updated_at)
       SELECT i, i, 'd', 'in_review', '2026-09-01', '2026-09-01', day, jsonb_build_object(
           'budget', jsonb_build_object('value', 5 + i % 20, 'unit', 'workday'),
           'startedOn', day::text,
           'pauses', CASE WHEN i % 10 = 0 THEN jsonb_build_array(jsonb_build_object('reason', 'expertReview', 'from', '2026-12-01'))
                          ELSE '[]'::jsonb END),
         $1, $1
       FROM (SELECT i, ('2026-12-09'::date - (i % 28)) AS day FROM generate_series(1, $2) AS i) AS spread`,
      [NOW, CASES],
    );
    await tx.query(
      `INSERT INTO case_tasks (case_id, task_id, step_id, name, department_code, role, budget_days, opened_at, opened_on, due_on)
       SELECT id, 't2', 'review', '审查', 'd', 'reviewer', 3 + id % 8, $1, accepted_on, accepted_on FROM cases`,
      [NOW],
    );
  });
  await db.exec('ANALYZE');
}

/** What the sweep reads, page by page, and the timer rows it wrote, as plain statements: the floor. */
async function rawSweep(db: Db, inserts: number): Promise<void> {
  let afterId = 0;
  for (;;) {
    const { rows } = await db.query<{ id: string }>(
      `SELECT id, clock FROM cases WHERE status IN ('in_review', 'accepted') AND clock IS NOT NULL AND id > $1
       AND NOT (clock ? 'stoppedOn') ORDER BY id LIMIT $2`,
      [afterId, PAGE],
    );
    if (rows.length === 0) break;
    const upto = Number(rows.at(-1)?.id);
    await db.query(
      `SELECT t.case_id, t.task_id, t.opened_on::text, t.budget_days, c.clock FROM case_tasks t JOIN cases c ON c.id = t.case_id
       WHERE t.closed_at IS NULL AND t.kind = 'flow' AND t.budget_days IS NOT NULL AND t.case_id > $1 AND t.case_id <= $2
       AND c.status = 'in_review'`,
      [afterId, upto],
    );
    afterId = upto;
    if (rows.length < PAGE) break;
  }
  await db.transaction(async (tx) => {
    for (let i = 0; i < inserts; i += 1)
      await tx.query(
        `INSERT INTO timers (kind, subject, rung, due_at, run_at, payload, created_at) VALUES ('raw', $1, '', $2, $2, '{}', $2)
         ON CONFLICT (kind, subject, rung) DO NOTHING`,
        [String(i), NOW],
      );
  });
}

/**
 * Issue 9: the daily warning sweep over 100,000 open cases (each clock derived for today and
 * tomorrow, each open step's budget, a timer per rung reached) against the raw SQL it runs — the
 * same page reads and as many timer inserts, with no derivation. Each run starts with no timers.
 */
export async function runCaseWarningsBench(lines: string[], { runs }: { runs: number }): Promise<void> {
  const serverUrl = process.env.DATABASE_URL;
  const scratch = serverUrl ? await postgresScratch(serverUrl) : pgliteScratch();
  const db = await openDb(scratch.dbOptions);
  const clock = fixedClock(NOW_ISO);
  try {
    await seedCalendars({ db, clock }, { region: 'CN' });
    await fill(db);
    const swept: number[] = [];
    const raw: number[] = [];
    let outcome = { cases: 0, tasks: 0, scheduled: 0 };
    for (let run = 0; run < runs; run += 1) {
      await db.exec('DELETE FROM timers');
      let started = performance.now();
      outcome = await sweepCaseWarnings({ db, clock, region: 'CN' }, { actor: SYSTEM_ACTOR });
      swept.push(performance.now() - started);
      await db.exec('DELETE FROM timers');
      started = performance.now();
      await rawSweep(db, outcome.scheduled);
      raw.push(performance.now() - started);
    }
    const s = median(swept);
    const r = median(raw);
    lines.push(`## The warning sweep (issue 9: ${CASES} open cases, ${runs} runs, ${serverUrl ? 'PostgreSQL' : 'PGlite'})`, '');
    lines.push('| measurement | sweep | baseline (its raw SQL) | ratio |', '|---|---|---|---|');
    lines.push(
      `| ${outcome.cases} cases, ${outcome.tasks} open steps, ${outcome.scheduled} timers scheduled | ${(s / 1000).toFixed(2)} s | ${(r / 1000).toFixed(2)} s | ${(s / r).toFixed(2)}× |`,
      '',
    );
  } finally {
    await db.close();
    await scratch.drop();
  }
}
