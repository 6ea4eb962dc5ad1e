import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseTimerHandlers } from '../../platform/src/cases';
import { openDb } from '../../platform/src/infra';
import type { Db } from '../../platform/src/kernel';
import { runDueTimers } from '../../platform/src/scheduler';
import { DEMO_CITIZEN_ID, prepareFoodDraft, submitDraft } from '../support/foodApplication';
import { mutableClock } from '../support/mutableClock';
import { startTestServer, type TestServer } from '../support/startTestServer';
import type { TestClient } from '../support/TestClient';

/**
 * Two platform instances on one PostgreSQL database (PGlite is one process by design), each
 * running the case engine's timers with its own connection pool: every application left
 * unanswered is deemed accepted exactly once, whichever instance claims its timer.
 */
describe.skipIf(!process.env.DATABASE_URL)('case timers with two platform instances on one PostgreSQL', () => {
  // Wednesday 2026-12-02, 10:00 in Shanghai: the five working days end on Wednesday 12-09.
  const clock = mutableClock('2026-12-02T02:00:00Z');
  let server: TestServer;
  let other: Db;
  let citizen: TestClient;

  beforeAll(async () => {
    server = await startTestServer({ shouldSeedCatalog: true, clock });
    other = await openDb({ databaseUrl: server.config.databaseUrl });
    citizen = await server.login(DEMO_CITIZEN_ID);
  }, 180_000);
  afterAll(async () => {
    await other?.close();
    await server?.close();
  });

  it('deems each of 12 unanswered applications accepted once, with both instances claiming', async () => {
    const numbers: string[] = [];
    for (let i = 0; i < 12; i += 1) {
      const draft = await prepareFoodDraft(citizen);
      const submitted = await submitDraft(citizen, draft.id, `two-instances-${i}-key`);
      numbers.push(submitted.body.number as string);
    }
    clock.set('2026-12-09T16:30:00Z'); // 00:30 on Thursday 12-10: every deadline has passed
    const region = server.config.region;
    const instances = [
      { deps: server.deps, handlers: server.timerHandlers },
      {
        deps: { db: other, clock },
        handlers: caseTimerHandlers({ db: other, clock, region }),
      },
    ];
    const drain = async ({ deps, handlers }: (typeof instances)[number]) => {
      let total = 0;
      for (;;) {
        const { claimed } = await runDueTimers(deps, { handlers, limit: 2 });
        if (claimed === 0) return total;
        total += claimed;
      }
    };
    const claimed = await Promise.all([drain(instances[0]!), drain(instances[1]!), drain(instances[0]!), drain(instances[1]!)]);
    expect(claimed.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(12);
    const { rows } = await server.deps.db.query<{ number: string; n: string }>(
      `SELECT a.number, count(e.id)::text AS n FROM applications a
       LEFT JOIN application_events e ON e.application_id = a.id AND e.type = 'case_deemed_accepted'
       WHERE a.number = ANY($1) GROUP BY a.number ORDER BY a.number`,
      [numbers],
    );
    expect(rows).toHaveLength(12);
    for (const row of rows) expect(row, row.number).toMatchObject({ n: '1' });
    const again = await Promise.all([drain(instances[0]!), drain(instances[1]!)]);
    expect(again).toEqual([0, 0]);
  }, 180_000);
});
