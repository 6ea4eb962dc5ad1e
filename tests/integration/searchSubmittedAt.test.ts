import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foodLicence } from '../support/matterFixtures';
import { startTestServer, type TestServer } from '../support/startTestServer';
import type { TestClient } from '../support/TestClient';

let server: TestServer;
let admin: TestClient;
let legal: TestClient;

beforeAll(async () => {
  server = await startTestServer({});
  admin = await server.login('scjg_admin');
  legal = await server.login('legal');
});
afterAll(() => server?.close());

/**
 * Legal's queue is ordered by how long each version waits; the search row carries the time so the
 * queue is one request, not one per matter. The TestClient checks each answer against OpenAPI.
 */
describe('search rows carry submittedAt of the newest version', { shuffle: false }, () => {
  const doc = foodLicence({ suffix: '0001310249901' });
  const row = async (client: TestClient) => {
    const answer = await client.get(`/api/matters?code=${doc.code}`);
    expect(answer.status, answer.text).toBe(200);
    return answer.body.items[0] as { version: number; status: string; submittedAt: string | null };
  };

  it('is null for a draft and the stored submission time while in review', async () => {
    expect((await admin.post('/api/matters', { document: doc })).status).toBe(201);
    expect(await row(admin)).toMatchObject({ status: 'draft', submittedAt: null });
    expect((await admin.post(`/api/matters/${doc.code}/transitions`, { action: 'submit' })).status).toBe(200);
    const versions = await admin.get(`/api/matters/${doc.code}/versions`);
    const submittedAt = versions.body.items[0].submittedAt as string;
    expect(submittedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(await row(legal)).toMatchObject({ status: 'in_review', submittedAt });
  });

  it('is null again once published, for staff and the public alike', async () => {
    expect((await legal.post(`/api/matters/${doc.code}/transitions`, { action: 'publish' })).status).toBe(200);
    expect(await row(legal)).toMatchObject({ status: 'published', submittedAt: null });
    expect(await row(server.anonymous())).toMatchObject({ status: 'published', submittedAt: null });
  });
});
