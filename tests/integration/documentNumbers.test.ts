import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CITIZEN_ID, prepareFoodDraft, submitDraft } from '../support/foodApplication';
import { mutableClock } from '../support/mutableClock';
import { startTestServer, type TestServer } from '../support/startTestServer';
import type { TestClient } from '../support/TestClient';

// Wednesday 2026-12-02, 10:00 in Shanghai.
const clock = mutableClock('2026-12-02T02:00:00Z');

let server: TestServer;
let citizen: TestClient;
let window: TestClient;
let reviewer: TestClient;
let keys = 0;
const key = () => `document-number-${(keys += 1)}-key`;

beforeAll(async () => {
  server = await startTestServer({ shouldSeedCatalog: true, clock });
  citizen = await server.login(DEMO_CITIZEN_ID);
  window = await server.login('scjg_window');
  reviewer = await server.login('scjg_reviewer');
});
afterAll(async () => server?.close());

async function submitFood(): Promise<string> {
  const draft = await prepareFoodDraft(citizen);
  const submitted = await submitDraft(citizen, draft.id, key());
  expect(submitted.status, submitted.text).toBe(201);
  return submitted.body.number as string;
}

async function documentsOf(number: string): Promise<{ kind: string; number: string; issuedOn: string }[]> {
  const response = await window.get(`/api/cases/${number}`);
  expect(response.status, response.text).toBe(200);
  return response.body.documents;
}

const issuedCount = async () =>
  Number((await server.deps.db.query<{ n: string }>('SELECT count(*) AS n FROM case_documents')).rows[0]?.n);

/** The serial of a 文号 such as 县市监受字〔2026〕12号. */
const serialOf = (documentNumber: string) => Number(/〕(\d+)号$/.exec(documentNumber)?.[1]);

describe('文号 register', () => {
  it('numbers two acceptances acted at once with consecutive serials, each on its case and event', async () => {
    const [first, second] = [await submitFood(), await submitFood()];
    const answers = await Promise.all(
      [first, second].map((number) =>
        window.post(`/api/cases/${number}/actions`, { action: 'accept', idempotencyKey: key(), revision: 1 }),
      ),
    );
    for (const answer of answers) expect(answer.status, answer.text).toBe(200);
    const numbers = [(await documentsOf(first))[0], (await documentsOf(second))[0]];
    for (const document of numbers) {
      expect(document).toMatchObject({ kind: 'acceptance', issuedOn: '2026-12-02' });
      expect(document?.number).toMatch(/受字〔2026〕\d+号$/);
    }
    const serials = numbers.map((document) => serialOf(document?.number ?? '')).sort((a, b) => a - b);
    expect(serials[1]).toBe((serials[0] ?? 0) + 1);
    const events = await server.deps.db.query<{ number: string }>(
      `SELECT e.details ->> 'documentNumber' AS number FROM application_events e
       JOIN applications a ON a.id = e.application_id
       WHERE a.number = ANY($1) AND e.details ? 'documentNumber'`,
      [[first, second]],
    );
    expect(events.rows.map((row) => row.number).sort()).toEqual(numbers.map((document) => document?.number).sort());
  });

  it('issues nothing for a refused act or a retried one; a 补正 notice has its own sequence', async () => {
    const number = await submitFood();
    const before = await issuedCount();
    const byReviewer = await reviewer.post(`/api/cases/${number}/actions`, {
      action: 'accept',
      idempotencyKey: key(),
      revision: 1,
    });
    expect(byReviewer.status).toBe(403);
    expect(await issuedCount()).toBe(before);
    const body = {
      action: 'supplement',
      idempotencyKey: key(),
      revision: 1,
      items: [{ kind: 'material', materialId: 'premisesProof', reason: '房产证明复印件不清晰' }],
    };
    const sent = await window.post(`/api/cases/${number}/actions`, body);
    expect(sent.status, sent.text).toBe(200);
    const retried = await window.post(`/api/cases/${number}/actions`, body);
    expect(retried.status, retried.text).toBe(200);
    const documents = await documentsOf(number);
    expect(documents).toHaveLength(1);
    expect(documents[0]?.number).toMatch(/补字〔2026〕1号$/);
    expect(await issuedCount()).toBe(before + 1);
  });

  it('starts each year at 1, by the Shanghai day', async () => {
    const number = await submitFood();
    // 2027-01-04 00:30 in Shanghai is still 2027-01-03 in UTC.
    clock.set('2027-01-03T16:30:00Z');
    // A month on, the window's session has expired.
    window = await server.login('scjg_window');
    const accepted = await window.post(`/api/cases/${number}/actions`, {
      action: 'accept',
      idempotencyKey: key(),
      revision: 1,
    });
    expect(accepted.status, accepted.text).toBe(200);
    const [document] = await documentsOf(number);
    expect(document).toMatchObject({ kind: 'acceptance', issuedOn: '2027-01-04' });
    expect(document?.number).toMatch(/受字〔2027〕1号$/);
  });
});
