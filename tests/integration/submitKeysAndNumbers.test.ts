import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/startTestServer';
import type { TestClient } from '../support/TestClient';
import { DEMO_CITIZEN_ID, FOOD, prepareFoodDraft, submitDraft } from '../support/foodApplication';

/**
 * The submit's key look-up rides on the statement that locks the draft, and its number on the
 * statement that writes the application: the refusals those paths decide must still leave nothing
 * behind, and the counter must not skip.
 */
describe('intake: submit keys and numbers', () => {
  let server: TestServer;
  let citizen: TestClient;
  let prefix: string;
  beforeAll(async () => {
    server = await startTestServer({ shouldSeedCatalog: true });
    citizen = await server.login(DEMO_CITIZEN_ID);
    prefix = `${FOOD}${server.deps.clock.today().replaceAll('-', '')}`;
  });
  afterAll(async () => server?.close());

  const counter = async () =>
    (await server.deps.db.query<{ last: number }>('SELECT last FROM application_numbers WHERE prefix = $1', [prefix])).rows[0]
      ?.last;
  const applicationsOf = async (draftId: string) =>
    (await server.deps.db.query<{ n: number }>('SELECT count(*)::int AS n FROM applications WHERE draft_id = $1', [draftId]))
      .rows[0]?.n;
  const sequenceOf = (number: string) => Number(number.slice(-4));

  it('refuses a key already used for another draft, and that draft stays open without a number', async () => {
    const first = await prepareFoodDraft(citizen);
    const filed = await submitDraft(citizen, first.id, 'key-reused-0001');
    expect(filed.status, filed.text).toBe(201);
    const last = await counter();

    const other = await prepareFoodDraft(citizen);
    const reused = await submitDraft(citizen, other.id, 'key-reused-0001');
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await counter()).toBe(last);
    expect(await applicationsOf(other.id)).toBe(0);
    expect((await citizen.get(`/api/drafts/${other.id}`)).body.status).toBe('open');

    // The first draft's own retry still replays, and a new key for it is told it was submitted.
    const replay = await submitDraft(citizen, first.id, 'key-reused-0001');
    expect(replay.status).toBe(200);
    expect(replay.body.number).toBe(filed.body.number);
    const next = await submitDraft(citizen, other.id, 'key-reused-0002');
    expect(next.status, next.text).toBe(201);
    expect(sequenceOf(next.body.number)).toBe(sequenceOf(filed.body.number) + 1);
  });

  it('answers two attempts of one draft sent together with one application', async () => {
    const draft = await prepareFoodDraft(citizen);
    const [a, b] = await Promise.all([
      submitDraft(citizen, draft.id, 'key-raced-00001'),
      submitDraft(citizen, draft.id, 'key-raced-00001'),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(a.body.number).toBe(b.body.number);
    expect(await applicationsOf(draft.id)).toBe(1);
  });

  it('refuses the 10,000th application of the day, gives the number back, and goes on when numbers are free', async () => {
    const draft = await prepareFoodDraft(citizen);
    await server.deps.db.query(
      `INSERT INTO application_numbers (prefix, last) VALUES ($1, 9999)
       ON CONFLICT (prefix) DO UPDATE SET last = 9999`,
      [prefix],
    );
    const refused = await submitDraft(citizen, draft.id, 'key-exhausted-1');
    expect(refused.status).toBe(503);
    expect(refused.body.error.code).toBe('APPLICATION_NUMBERS_EXHAUSTED');
    expect(await counter()).toBe(9999);
    expect(await applicationsOf(draft.id)).toBe(0);
    expect((await citizen.get(`/api/drafts/${draft.id}`)).body.status).toBe('open');

    // Back below the limit (as on a new day's counter): the same key now files, with the next number.
    await server.deps.db.query('UPDATE application_numbers SET last = 41 WHERE prefix = $1', [prefix]);
    const filed = await submitDraft(citizen, draft.id, 'key-exhausted-1');
    expect(filed.status, filed.text).toBe(201);
    expect(filed.body.number).toBe(`${prefix}0042`);
    expect(await counter()).toBe(42);
  });
});
