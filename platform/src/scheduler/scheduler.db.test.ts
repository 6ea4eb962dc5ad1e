import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../infra';
import { SYSTEM_ACTOR, type Db, type Queryable } from '../kernel';
import { mutableClock } from '../../../tests/support/mutableClock';
import { createTestDatabase } from '../../../tests/support/testDatabase';
import { cancelTimers } from './cancelTimers';
import { listTimers } from './listTimers';
import { retryDelayMs, runDueTimers } from './runDueTimers';
import { scheduleTimer } from './scheduleTimer';
import { startScheduler } from './startScheduler';
import type { TimerHandlers } from './Timer';

const system = { actor: SYSTEM_ACTOR };
const at = (iso: string) => new Date(iso);

/** What handlers write: one row per firing, with no unique key, so a second firing would show. */
const EFFECTS = `CREATE TABLE IF NOT EXISTS timer_effects_test (timer_id bigint NOT NULL, subject text NOT NULL, process text NOT NULL)`;
const recordEffect =
  (process: string): TimerHandlers[string] =>
  async ({ tx }, timer) => {
    await tx.query('INSERT INTO timer_effects_test (timer_id, subject, process) VALUES ($1, $2, $3)', [
      timer.id,
      timer.subject,
      process,
    ]);
  };
const effectsOf = async (db: Queryable, subject: string) =>
  (await db.query<{ process: string }>('SELECT process FROM timer_effects_test WHERE subject = $1', [subject])).rows;

describe('timers in the database', () => {
  let db: Db;
  let drop: () => Promise<void>;
  const clock = mutableClock('2025-10-09T01:00:00Z');

  beforeAll(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    db = await openDb({ databaseUrl: database.databaseUrl });
    await db.exec(EFFECTS);
  });
  afterAll(async () => {
    await db?.close();
    await drop?.();
  });

  it('schedules one row however often it is asked, per kind, subject and rung', async () => {
    const input = { kind: 'case.warning', subject: 'case-1', rung: 'yellow', dueAt: at('2025-10-09T16:00:00Z') };
    expect(await scheduleTimer({ db, clock }, system, input)).toEqual({ scheduled: true });
    expect(await scheduleTimer({ db, clock }, system, { ...input, dueAt: at('2025-10-20T16:00:00Z') })).toEqual({
      scheduled: false,
    });
    await scheduleTimer({ db, clock }, system, { ...input, rung: 'red' });
    const timers = await listTimers({ db }, system, { subject: 'case-1' });
    expect(timers.map((t) => [t.rung, t.dueAt.toISOString(), t.state])).toEqual([
      ['yellow', '2025-10-09T16:00:00.000Z', 'pending'],
      ['red', '2025-10-09T16:00:00.000Z', 'pending'],
    ]);
    // Out of the way of the tests below, which count what a round claims.
    expect(await cancelTimers({ db, clock }, system, { subject: 'case-1' })).toBe(2);
  });

  it('fires a timer once the injected clock reaches it, with its effect in the same transaction, and never again', async () => {
    await scheduleTimer({ db, clock }, system, {
      kind: 'acceptance.deadline',
      subject: 'case-2',
      dueAt: at('2025-10-10T16:00:00Z'),
      payload: { receivedOn: '2025-09-26' },
    });
    const handlers = { 'acceptance.deadline': recordEffect('one') };
    clock.set('2025-10-10T15:59:59Z');
    await runDueTimers({ db, clock }, { handlers });
    expect(await effectsOf(db, 'case-2')).toEqual([]);
    clock.set('2025-10-10T16:00:00Z');
    expect(await runDueTimers({ db, clock }, { handlers })).toMatchObject({ fired: 1, failed: 0 });
    clock.set('2025-10-12T00:00:00Z');
    await runDueTimers({ db, clock }, { handlers });
    expect(await effectsOf(db, 'case-2')).toEqual([{ process: 'one' }]);
    const [timer] = await listTimers({ db }, system, { subject: 'case-2' });
    expect(timer).toMatchObject({ state: 'fired', attempts: 1, payload: { receivedOn: '2025-09-26' } });
    expect(timer?.firedAt?.toISOString()).toBe('2025-10-10T16:00:00.000Z');
    // A fired rung is not scheduled again.
    expect(
      await scheduleTimer({ db, clock }, system, {
        kind: 'acceptance.deadline',
        subject: 'case-2',
        dueAt: at('2025-10-30T00:00:00Z'),
      }),
    ).toEqual({ scheduled: false });
  });

  it('retries a failing handler later instead of losing it, undoing only its own writes', async () => {
    clock.set('2025-11-03T01:00:00Z');
    await scheduleTimer({ db, clock }, system, { kind: 'flaky', subject: 'case-3', dueAt: at('2025-11-03T00:00:00Z') });
    await scheduleTimer({ db, clock }, system, { kind: 'steady', subject: 'case-3', dueAt: at('2025-11-03T00:00:00Z') });
    let failures = 2;
    const handlers: TimerHandlers = {
      steady: recordEffect('steady'),
      flaky: async (call, timer) => {
        await recordEffect('flaky')(call, timer);
        if (failures > 0) {
          failures -= 1;
          throw new Error('证照库暂时不可用');
        }
      },
    };
    expect(await runDueTimers({ db, clock }, { handlers })).toMatchObject({ claimed: 2, fired: 1, failed: 1 });
    const flaky = async () => (await listTimers({ db }, system, { subject: 'case-3' })).find((t) => t.kind === 'flaky');
    expect(await flaky()).toMatchObject({ state: 'pending', attempts: 1, lastError: '证照库暂时不可用' });
    expect((await effectsOf(db, 'case-3')).map((e) => e.process)).toEqual(['steady']);
    // Not before its back-off has passed.
    expect(await runDueTimers({ db, clock }, { handlers })).toMatchObject({ claimed: 0 });
    clock.set(new Date(at('2025-11-03T01:00:00Z').getTime() + retryDelayMs(1)).toISOString());
    expect(await runDueTimers({ db, clock }, { handlers })).toMatchObject({ failed: 1 });
    expect(await flaky()).toMatchObject({ state: 'pending', attempts: 2 });
    clock.set('2025-11-03T02:00:00Z');
    expect(await runDueTimers({ db, clock }, { handlers })).toMatchObject({ fired: 1 });
    expect(await flaky()).toMatchObject({ state: 'fired', attempts: 3, lastError: null });
    expect((await effectsOf(db, 'case-3')).map((e) => e.process).sort()).toEqual(['flaky', 'steady']);
  });

  it('recovers from a handler whose SQL failed: the round still commits the others', async () => {
    clock.set('2025-11-04T00:30:00Z');
    await scheduleTimer({ db, clock }, system, { kind: 'broken.sql', subject: 'case-8', dueAt: at('2025-11-04T00:00:00Z') });
    await scheduleTimer({ db, clock }, system, { kind: 'steady', subject: 'case-8', dueAt: at('2025-11-04T00:00:01Z') });
    const handlers: TimerHandlers = {
      'broken.sql': async ({ tx }) => {
        await tx.query('SELECT 1 / 0');
      },
      steady: recordEffect('steady'),
    };
    expect(await runDueTimers({ db, clock }, { handlers })).toMatchObject({ claimed: 2, fired: 1, failed: 1 });
    const timers = await listTimers({ db }, system, { subject: 'case-8' });
    expect(timers.map((t) => [t.kind, t.state, t.attempts])).toEqual([
      ['broken.sql', 'pending', 1],
      ['steady', 'fired', 1],
    ]);
    expect(timers[0]?.lastError).toMatch(/division by zero/);
    await cancelTimers({ db, clock }, system, { subject: 'case-8' });
  });

  it('keeps a timer of an unknown kind pending, with the reason', async () => {
    clock.set('2025-11-04T01:00:00Z');
    await scheduleTimer({ db, clock }, system, { kind: 'nobody.handles', subject: 'case-4', dueAt: at('2025-11-04T00:00:00Z') });
    await runDueTimers({ db, clock }, { handlers: {} });
    const [timer] = await listTimers({ db }, system, { subject: 'case-4' });
    expect(timer).toMatchObject({ state: 'pending', attempts: 1, lastError: 'no handler for timer kind nobody.handles' });
    await cancelTimers({ db, clock }, system, { subject: 'case-4' });
  });

  it('cancels pending timers by subject and kind, leaves fired ones, and schedules a cancelled rung anew', async () => {
    clock.set('2025-11-05T01:00:00Z');
    const rung = (name: string, dueAt: string) => ({ kind: 'case.warning', subject: 'case-5', rung: name, dueAt: at(dueAt) });
    await scheduleTimer({ db, clock }, system, rung('yellow', '2025-11-05T00:00:00Z'));
    await runDueTimers({ db, clock }, { handlers: { 'case.warning': recordEffect('one') } });
    await scheduleTimer({ db, clock }, system, rung('red', '2025-11-06T00:00:00Z'));
    await scheduleTimer({ db, clock }, system, { kind: 'deemed.approval', subject: 'case-5', dueAt: at('2025-11-07T00:00:00Z') });
    expect(await cancelTimers({ db, clock }, system, { subject: 'case-5', kind: 'case.warning' })).toBe(1);
    const states = async () =>
      (await listTimers({ db }, system, { subject: 'case-5' })).map((t) => `${t.kind}/${t.rung}:${t.state}`);
    expect(await states()).toEqual(['case.warning/yellow:fired', 'case.warning/red:cancelled', 'deemed.approval/:pending']);
    expect(await cancelTimers({ db, clock }, system, { subject: 'case-5' })).toBe(1);
    clock.set('2025-11-10T00:00:00Z');
    expect(
      await runDueTimers(
        { db, clock },
        { handlers: { 'case.warning': recordEffect('one'), 'deemed.approval': recordEffect('one') } },
      ),
    ).toMatchObject({ claimed: 0 });
    // The pause ended: the red rung gets its new date.
    expect(await scheduleTimer({ db, clock }, system, rung('red', '2025-11-12T00:00:00Z'))).toEqual({ scheduled: true });
    expect(await scheduleTimer({ db, clock }, system, rung('yellow', '2025-11-11T00:00:00Z'))).toEqual({ scheduled: false });
    const red = (await listTimers({ db }, system, { subject: 'case-5' })).find((t) => t.rung === 'red');
    expect(red).toMatchObject({ state: 'pending', dueAt: at('2025-11-12T00:00:00Z') });
  });

  it('joins the caller transaction: a rolled-back action leaves no timer', async () => {
    await expect(
      db.transaction(async (tx) => {
        await scheduleTimer(
          { db, clock },
          { ...system, tx },
          { kind: 'case.warning', subject: 'case-6', rung: 'red', dueAt: at('2025-12-01T00:00:00Z') },
        );
        throw new Error('the action failed');
      }),
    ).rejects.toThrow('the action failed');
    expect(await listTimers({ db }, system, { subject: 'case-6' })).toEqual([]);
  });

  it('polls with the clock until stopped', async () => {
    clock.set('2025-12-01T01:00:00Z');
    await scheduleTimer({ db, clock }, system, { kind: 'polled', subject: 'case-7', dueAt: at('2025-12-01T00:00:00Z') });
    const errors: unknown[] = [];
    const scheduler = startScheduler(
      { db, clock, logger: { error: (...args: unknown[]) => errors.push(args) } as never },
      {
        handlers: { polled: recordEffect('poller') },
        intervalMs: 20,
      },
    );
    try {
      await expect.poll(() => effectsOf(db, 'case-7'), { timeout: 5_000 }).toEqual([{ process: 'poller' }]);
      await scheduleTimer({ db, clock }, system, {
        kind: 'polled',
        subject: 'case-7',
        rung: 'later',
        dueAt: at('2025-12-01T02:00:00Z'),
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await effectsOf(db, 'case-7')).toHaveLength(1);
      clock.set('2025-12-01T02:00:00Z');
      await expect.poll(async () => (await effectsOf(db, 'case-7')).length, { timeout: 5_000 }).toBe(2);
    } finally {
      await scheduler.stop();
    }
    expect(errors).toEqual([]);
  });
});

describe.skipIf(Boolean(process.env.DATABASE_URL))('a pending timer across a restart of an embedded database', () => {
  it('fires once after reopening the data directory', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mf-timers-'));
    const clock = mutableClock('2025-10-10T08:00:00Z');
    try {
      const before = await openDb({ dataDir });
      await before.exec(EFFECTS);
      await scheduleTimer({ db: before, clock }, system, {
        kind: 'acceptance.deadline',
        subject: 'case-restart',
        dueAt: at('2025-10-10T16:00:00Z'),
      });
      await runDueTimers({ db: before, clock }, { handlers: { 'acceptance.deadline': recordEffect('first') } });
      await before.close();

      clock.set('2025-10-11T01:00:00Z');
      const after = await openDb({ dataDir });
      const handlers = { 'acceptance.deadline': recordEffect('second') };
      expect(await runDueTimers({ db: after, clock }, { handlers })).toMatchObject({ fired: 1 });
      expect(await runDueTimers({ db: after, clock }, { handlers })).toMatchObject({ claimed: 0 });
      await after.close();

      const again = await openDb({ dataDir });
      expect(await runDueTimers({ db: again, clock }, { handlers })).toMatchObject({ claimed: 0 });
      expect(await effectsOf(again, 'case-restart')).toEqual([{ process: 'second' }]);
      await again.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

// Two platform processes on one PostgreSQL: two pools polling at once share the due timers out.
describe.skipIf(!process.env.DATABASE_URL)('two processes on one PostgreSQL', () => {
  it('fires each of 200 due timers exactly once', async () => {
    const database = await createTestDatabase();
    const first = await openDb({ databaseUrl: database.databaseUrl });
    const second = await openDb({ databaseUrl: database.databaseUrl });
    const clock = mutableClock('2025-10-10T08:00:00Z');
    try {
      await first.exec(EFFECTS);
      for (let i = 0; i < 200; i += 1)
        await scheduleTimer({ db: first, clock }, system, {
          kind: 'race',
          subject: 'race',
          rung: String(i),
          dueAt: at('2025-10-10T07:00:00Z'),
        });
      const slowly =
        (process: string): TimerHandlers[string] =>
        async (call, timer) => {
          await recordEffect(process)(call, timer);
          await new Promise((resolve) => setTimeout(resolve, 2));
        };
      const drain = async (db: Db, process: string) => {
        for (;;) {
          const { claimed } = await runDueTimers({ db, clock }, { handlers: { race: slowly(process) }, limit: 10 });
          if (claimed === 0) return;
        }
      };
      await Promise.all([drain(first, 'first'), drain(second, 'second'), drain(first, 'first'), drain(second, 'second')]);
      const { rows } = await first.query<{ n: string; distinct_n: string; processes: string }>(
        `SELECT count(*)::text AS n, count(DISTINCT timer_id)::text AS distinct_n, count(DISTINCT process)::text AS processes
         FROM timer_effects_test WHERE subject = 'race'`,
      );
      expect(rows[0]).toEqual({ n: '200', distinct_n: '200', processes: '2' });
      const fired = await first.query<{ n: string }>(
        `SELECT count(*)::text AS n FROM timers WHERE subject = 'race' AND state = 'fired' AND attempts = 1`,
      );
      expect(fired.rows[0]?.n).toBe('200');
    } finally {
      await first.close();
      await second.close();
      await database.drop();
    }
  });
});
