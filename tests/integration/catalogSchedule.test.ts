import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/startTestServer';
import { mutableClock } from '../support/mutableClock';
import { foodLicence } from '../support/matterFixtures';
import type { TestClient } from '../support/TestClient';
import type { Actor } from '../../platform/src/kernel';
import { transitionMatter } from '../../platform/src/catalog';

const START = '2026-03-02T02:00:00Z'; // Monday 10:00 in Shanghai
const clock = mutableClock(START);
let server: TestServer;
let admin: TestClient;
let legal: TestClient;
let counter = 10;
const nextSuffix = () => `00013102480${String(counter++).padStart(2, '0')}`;

/** Sessions expire when the clock jumps weeks ahead: log in again after each move. */
async function moveClock(iso: string) {
  clock.set(iso);
  admin = await server.login('scjg_admin');
  legal = await server.login('legal');
}

beforeAll(async () => {
  server = await startTestServer({ clock });
});
beforeEach(() => moveClock(START));
afterAll(() => server?.close());

const transition = (client: TestClient, code: string, body: Record<string, unknown>) =>
  client.post(`/api/matters/${code}/transitions`, body);

/** A matter with version 1 in force today. */
async function publishedMatter(): Promise<string> {
  const doc = foodLicence({ suffix: nextSuffix() });
  expect((await admin.post('/api/matters', { document: doc })).status).toBe(201);
  expect((await transition(admin, doc.code, { action: 'submit' })).status).toBe(200);
  expect((await transition(legal, doc.code, { action: 'publish' })).status).toBe(200);
  return doc.code;
}

/** Starts the next version, submits it and publishes it for `effectiveDate`. */
async function scheduleNext(code: string, effectiveDate: string) {
  expect((await transition(admin, code, { action: 'newVersion' })).status).toBe(200);
  expect((await transition(admin, code, { action: 'submit' })).status).toBe(200);
  const published = await transition(legal, code, { action: 'publish', effectiveDate });
  expect(published.status, published.text).toBe(200);
  return published.body;
}

const supersededFrom = async (code: string) =>
  (
    await server.deps.db.query<{ version: number; superseded_from: string | null }>(
      'SELECT version, superseded_from::text FROM matter_versions WHERE code = $1 ORDER BY version',
      [code],
    )
  ).rows.map((row) => row.superseded_from);

const statuses = async (code: string) =>
  (await legal.get(`/api/matters/${code}/versions`)).body.items.map((v: { status: string; effectiveFrom: string | null }) => [
    v.status,
    v.effectiveFrom,
  ]);

describe('retiring a matter with a scheduled later version', () => {
  it('cancels the scheduled publication, so the retired matter does not come back on its date', async () => {
    const code = await publishedMatter();
    await scheduleNext(code, '2026-04-01');
    expect(await supersededFrom(code)).toEqual(['2026-04-01', null]);

    const retired = await transition(legal, code, { action: 'retire', cancelDate: '2026-03-20' });
    expect(retired.status, retired.text).toBe(200);
    expect(retired.body).toMatchObject({ version: 1, cancelAt: '2026-03-20' });
    expect(await statuses(code)).toEqual([
      ['published', '2026-03-02'],
      ['in_review', null],
    ]);
    expect(await supersededFrom(code)).toEqual([null, null]);
    const v2 = (await legal.get(`/api/matters/${code}/versions/2`)).body;
    expect(v2.publishedAt).toBeNull();
    expect(v2.reviewComments.at(-1).comments).toContain('原定 2026-04-01 生效的发布计划已撤销');
    const audit = await server.deps.db.query<{ details: Record<string, unknown> }>(
      "SELECT details FROM audit_log WHERE target_id = $1 AND action = 'matter.retire'",
      [code],
    );
    expect(audit.rows[0]?.details.cancelledSchedules).toEqual([{ version: 2, effectiveFrom: '2026-04-01' }]);

    await moveClock('2026-04-02T02:00:00Z');
    const anonymous = await server.anonymous().get(`/api/matters/${code}`);
    expect(anonymous.status).toBe(404);
    expect(anonymous.body.error.code).toBe('MATTER_NOT_FOUND');
    const staff = await legal.get(`/api/matters/${code}`);
    expect(staff.status).toBe(404);
    expect(staff.body.error).toMatchObject({
      code: 'MATTER_NOT_IN_FORCE',
      details: { code, latestVersion: 2, status: 'in_review' },
    });
    // Legal may still publish the cancelled version on purpose: that revives the matter, visibly.
    expect((await transition(legal, code, { action: 'publish' })).body).toMatchObject({ version: 2, status: 'published' });
    expect((await server.anonymous().get(`/api/matters/${code}`)).body.version).toBe(2);
  });
});

describe('cancelling and moving a scheduled publication', () => {
  it('unschedules: the version goes back to legal without a date and the previous one stays in force', async () => {
    const code = await publishedMatter();
    const scheduled = await scheduleNext(code, '2028-04-01');
    const blocked = await transition(admin, code, { action: 'newVersion' });
    expect(blocked.status).toBe(409);
    expect(blocked.body.error).toMatchObject({ code: 'TRANSITION_NOT_ALLOWED', details: { scheduledVersion: 2 } });
    expect((await transition(admin, code, { action: 'unschedule' })).status).toBe(403);
    const stale = await transition(legal, code, { action: 'unschedule', revision: scheduled.revision - 1 });
    expect(stale.body.error.code).toBe('REVISION_CONFLICT');

    const cancelled = await transition(legal, code, { action: 'unschedule', revision: scheduled.revision, comments: '年份录错' });
    expect(cancelled.status, cancelled.text).toBe(200);
    expect(cancelled.body).toMatchObject({ version: 2, status: 'in_review', effectiveFrom: null, publishedAt: null });
    expect(cancelled.body.reviewComments.at(-1).comments).toBe('年份录错');
    expect(await supersededFrom(code)).toEqual([null, null]);
    const again = await transition(legal, code, { action: 'unschedule' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('TRANSITION_NOT_ALLOWED');

    const now = await transition(legal, code, { action: 'publish' });
    expect(now.body).toMatchObject({ version: 2, status: 'published', effectiveFrom: '2026-03-02' });
    expect(await statuses(code)).toEqual([
      ['superseded', '2026-03-02'],
      ['published', '2026-03-02'],
    ]);
  });

  it('reschedules a mistyped date, and rescheduling to today puts the version in force at once', async () => {
    const code = await publishedMatter();
    await scheduleNext(code, '2028-04-01');
    const blocked = await transition(legal, code, { action: 'publish' });
    expect(blocked.body.error.code).toBe('TRANSITION_NOT_ALLOWED');

    const moved = await transition(legal, code, { action: 'reschedule', effectiveDate: '2026-04-01' });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.body).toMatchObject({ version: 2, status: 'published', effectiveFrom: '2026-04-01' });
    expect(await supersededFrom(code)).toEqual(['2026-04-01', null]);
    expect((await server.anonymous().get(`/api/matters/${code}`)).body.version).toBe(1);

    const past = await transition(legal, code, { action: 'reschedule', effectiveDate: '2026-03-01' });
    expect(past.status).toBe(422);
    expect(past.body.error).toMatchObject({
      code: 'EFFECTIVE_DATE_INVALID',
      details: [{ pointer: '/effectiveDate', code: 'date.past' }],
    });
    const missing = await transition(legal, code, { action: 'reschedule' });
    expect(missing.status).toBe(422);
    expect(missing.body.error.details).toEqual([
      { pointer: '/effectiveDate', code: 'schema.required', message: '缺少必填项“生效日期”' },
    ]);

    const today = await transition(legal, code, { action: 'reschedule', effectiveDate: '2026-03-02' });
    expect(today.body).toMatchObject({ version: 2, status: 'published', effectiveFrom: '2026-03-02' });
    expect((await server.anonymous().get(`/api/matters/${code}`)).body.version).toBe(2);
    expect(await statuses(code)).toEqual([
      ['superseded', '2026-03-02'],
      ['published', '2026-03-02'],
    ]);
    const nothingLeft = await transition(legal, code, { action: 'reschedule', effectiveDate: '2026-05-01' });
    expect(nothingLeft.body.error.code).toBe('TRANSITION_NOT_ALLOWED');
  });

  it('refuses an effective date more than three years ahead', async () => {
    const code = await publishedMatter();
    expect((await transition(admin, code, { action: 'newVersion' })).status).toBe(200);
    expect((await transition(admin, code, { action: 'submit' })).status).toBe(200);
    const far = await transition(legal, code, { action: 'publish', effectiveDate: '2029-03-03' });
    expect(far.status).toBe(422);
    expect(far.body.error).toMatchObject({
      code: 'EFFECTIVE_DATE_INVALID',
      message: '生效日期不正确',
      details: [{ pointer: '/effectiveDate', code: 'date.too_far', message: '生效日期不能晚于 2029-03-02（今天起 3 年以内）' }],
    });
    const limit = await transition(legal, code, { action: 'publish', effectiveDate: '2029-03-02' });
    expect(limit.body).toMatchObject({ version: 2, effectiveFrom: '2029-03-02' });
    const tooFar = await transition(legal, code, { action: 'reschedule', effectiveDate: '2036-03-02' });
    expect(tooFar.body.error.details[0].code).toBe('date.too_far');
  });
});

describe('transition bodies', () => {
  it('refuses a field that belongs to another action, changing nothing', async () => {
    const code = await publishedMatter();
    const retire = await transition(legal, code, { action: 'retire', effectiveDate: '2026-05-01' });
    expect(retire.status).toBe(422);
    expect(retire.body.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ pointer: '/effectiveDate', code: 'schema.additionalProperties' }],
    });
    const current = await server.anonymous().get(`/api/matters/${code}`);
    expect(current.body).toMatchObject({ version: 1, status: 'published', cancelAt: null });

    for (const body of [
      { action: 'publish', cancelDate: '2026-05-01' },
      { action: 'newVersion', comments: '新版本' },
      { action: 'submit', effectiveDate: '2026-05-01' },
      { action: 'unschedule', effectiveDate: '2026-05-01' },
    ]) {
      const response = await transition(legal, code, body);
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect(response.body.error.details).toEqual([expect.objectContaining({ pointer: `/${Object.keys(body)[1]}` })]);
    }
    const unknown = await transition(legal, code, { action: 'publishNow' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.details[0]).toMatchObject({ pointer: '/action', code: 'schema.discriminator' });
    expect(unknown.body.error.details[0].message).toContain('reschedule');
    const noComment = await transition(legal, code, { action: 'return' });
    expect(noComment.body.error.details).toEqual([
      { pointer: '/comments', code: 'schema.required', message: '缺少必填项“审核意见”' },
    ]);
  });

  it('answers impossible dates and out-of-range revisions with 422, never 500', async () => {
    const code = await publishedMatter();
    for (const body of [
      { action: 'retire', cancelDate: '2099-02-30' },
      { action: 'retire', cancelDate: '2026-13-01' },
      { action: 'publish', effectiveDate: '2099-02-30' },
      { action: 'reschedule', effectiveDate: '2099-02-30' },
    ]) {
      const response = await transition(legal, code, body);
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
      const field = Object.keys(body)[1];
      expect(response.body.error.details[0]).toMatchObject({ pointer: `/${field}`, code: 'schema.format' });
      expect(response.body.error.details[0].message).toMatch(/^“(取消|生效)日期”应为真实存在的日期/);
    }
    for (const body of [
      { action: 'retire', revision: 2147483648 },
      { action: 'submit', revision: 1e20 },
    ]) {
      const response = await transition(legal, code, body);
      expect(response.status).toBe(422);
      expect(response.body.error.details).toEqual([
        { pointer: '/revision', code: 'schema.maximum', message: '“修订号”不能大于 2147483647' },
      ]);
    }
    const draft = await legal.put(`/api/matters/${code}/draft`, { revision: 2147483648, document: foodLicence() });
    expect(draft.status).toBe(422);
    expect(draft.body.error.details[0].pointer).toBe('/revision');
    // The seed loader and the importer call the operation without HTTP: it checks the calendar too.
    const userId = (await server.deps.db.query<{ id: number }>("SELECT id FROM users WHERE username = 'legal'")).rows[0]?.id;
    const reviewer: Actor = {
      kind: 'user',
      userId: userId ?? 0,
      username: 'legal',
      displayName: '法制科',
      role: 'legal',
      departmentCode: null,
    };
    await expect(
      transitionMatter(server.deps, { actor: reviewer }, { code, request: { action: 'retire', cancelDate: '2099-02-30' } }),
    ).rejects.toMatchObject({ code: 'CANCEL_DATE_INVALID' });
  });

  it('says which date is wrong: a cancel date is not an effective date', async () => {
    const code = await publishedMatter();
    const retire = await transition(legal, code, { action: 'retire', cancelDate: '2026-03-01' });
    expect(retire.status).toBe(422);
    expect(retire.body.error).toEqual({
      code: 'CANCEL_DATE_INVALID',
      message: '取消日期不正确',
      details: [{ pointer: '/cancelDate', code: 'date.past', message: '取消日期不能早于今天（2026-03-02）' }],
    });
    expect((await transition(admin, code, { action: 'newVersion' })).status).toBe(200);
    expect((await transition(admin, code, { action: 'submit' })).status).toBe(200);
    const publish = await transition(legal, code, { action: 'publish', effectiveDate: '2026-03-01' });
    expect(publish.body.error).toEqual({
      code: 'EFFECTIVE_DATE_INVALID',
      message: '生效日期不正确',
      details: [{ pointer: '/effectiveDate', code: 'date.past', message: '生效日期不能早于今天（2026-03-02）' }],
    });
  });
});

describe('a matter that exists but is not in force', () => {
  it('is MATTER_NOT_IN_FORCE for staff and MATTER_NOT_FOUND for the public', async () => {
    const doc = foodLicence({ suffix: nextSuffix() });
    expect((await admin.post('/api/matters', { document: doc })).status).toBe(201);
    expect((await transition(admin, doc.code, { action: 'submit' })).status).toBe(200);
    expect((await transition(legal, doc.code, { action: 'publish', effectiveDate: '2026-06-01' })).status).toBe(200);

    for (const client of [server.anonymous(), await server.login('citizen')]) {
      for (const path of [`/api/matters/${doc.code}`, `/api/matters/${doc.code}/guide`]) {
        const response = await client.get(path);
        expect(response.status).toBe(404);
        expect(response.body.error).toMatchObject({ code: 'MATTER_NOT_FOUND', details: { code: doc.code } });
      }
    }
    for (const client of [legal, admin, await server.login('scjg_window')]) {
      const response = await client.get(`/api/matters/${doc.code}`);
      expect(response.status).toBe(404);
      expect(response.body.error).toEqual({
        code: 'MATTER_NOT_IN_FORCE',
        message: '该事项今天没有现行有效的版本',
        details: { code: doc.code, latestVersion: 1, status: 'published' },
      });
    }
    const unknown = await legal.get(`/api/matters/${foodLicence({ suffix: '0001310248999' }).code}`);
    expect(unknown.body.error.code).toBe('MATTER_NOT_FOUND');
  });
});
