import { idNumberCheckCharacter } from '@matterflow/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_CITIZEN,
  findCitizen,
  findCitizenByIdNumber,
  MAX_REGISTRATIONS_PER_ADDRESS,
  REGISTRATION_WINDOW_MINUTES,
} from '../../platform/src/identity';
import { mutableClock } from '../support/mutableClock';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../support/startTestServer';
import type { TestClient, TestResponse } from '../support/TestClient';

const clock = mutableClock('2026-12-02T02:00:00.000Z');
let server: TestServer;
let sequence = 100;

/** A valid 身份证号 nobody has registered yet in this file (region of the demo county, born 1990-03-07). */
function freshIdNumber(): string {
  sequence += 1;
  const first17 = `43990119900307${String(sequence).padStart(3, '0')}`;
  return first17 + idNumberCheckCharacter(first17);
}

/** Each test registers from its own documentation address (RFC 5737), so the per-address limit is its own. */
let lastAddress = 0;
const newAddress = () => `192.0.2.${(lastAddress += 1)}`;

function register(client: TestClient, body: unknown, ip: string): Promise<TestResponse> {
  return client.request('POST', '/api/citizens', body, { headers: { 'x-forwarded-for': ip } }).then((response) => {
    if (response.status === 201) client.csrfToken = response.body.csrfToken;
    return response;
  });
}

const citizen = (idNumber: string) => ({ name: '王小明', idNumber, phone: '13912345678', password: 'yunxi-2026' });

async function countRows(table: 'users' | 'citizens'): Promise<number> {
  const result = await server.deps.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return result.rows[0]?.n ?? 0;
}

beforeAll(async () => {
  server = await startTestServer({ clock, env: { TRUST_PROXY: 'loopback' } });
});
afterAll(() => server?.close());

describe('POST /api/citizens', () => {
  it('registers a citizen and logs them in; the session shows the citizen', async () => {
    const client = server.anonymous();
    const idNumber = freshIdNumber();
    const registered = await register(
      client,
      { ...citizen(idNumber), name: ' 阿依古丽•买买提 ', phone: '139 1234 5678' },
      newAddress(),
    );
    expect(registered.status, registered.text).toBe(201);
    expect(registered.headers.getSetCookie().some((cookie) => cookie.startsWith('mf_session='))).toBe(true);
    expect(registered.body.user).toMatchObject({
      username: idNumber,
      displayName: '阿依古丽·买买提',
      role: 'citizen',
      departmentCode: null,
    });

    const session = await client.get('/api/session');
    expect(session.body.user).toMatchObject({ username: idNumber, role: 'citizen', displayName: '阿依古丽·买买提' });
    expect(session.body.csrfToken).toBe(registered.body.csrfToken);

    const profile = { userId: registered.body.user.id, name: '阿依古丽·买买提', idNumber, phone: '13912345678' };
    expect(await findCitizen(server.deps, { userId: registered.body.user.id })).toEqual(profile);
    expect(await findCitizenByIdNumber(server.deps, ` ${idNumber.toLowerCase()} `)).toEqual(profile);
    expect(await findCitizen(server.deps, { userId: 999_999 })).toBeUndefined();
  });

  it('audits the registration and the session without the 身份证号 in clear', async () => {
    const idNumber = freshIdNumber();
    const registered = await register(server.anonymous(), citizen(idNumber), newAddress());
    expect(registered.status, registered.text).toBe(201);
    const rows = await server.deps.db.query<{ action: string; username: string; details: any; text: string }>(
      'SELECT action, username, details, audit_log::text AS text FROM audit_log WHERE target_id = $1 ORDER BY id',
      [String(registered.body.user.id)],
    );
    expect(rows.rows.map((row) => row.action)).toEqual(['citizen.register', 'session.login']);
    const masked = `${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`;
    expect(rows.rows[0]?.details).toEqual({ idNumber: masked });
    for (const row of rows.rows) {
      expect(row.username).toBe(masked);
      expect(row.text).not.toContain(idNumber);
    }
  });

  it('answers 409 CITIZEN_EXISTS for a registered number, however it is typed, and stores nothing', async () => {
    const idNumber = freshIdNumber().slice(0, 17) + 'X';
    const first17 = idNumber.slice(0, 17);
    // One whose check character is X, to see the lowercase form is the same number.
    let xNumber = idNumber;
    for (let tail = 0; idNumberCheckCharacter(xNumber.slice(0, 17)) !== 'X'; tail += 1) {
      xNumber = `${first17.slice(0, 14)}${String(500 + tail).padStart(3, '0')}X`;
    }
    const ip = newAddress();
    expect((await register(server.anonymous(), citizen(xNumber), ip)).status).toBe(201);
    const [users, citizens] = [await countRows('users'), await countRows('citizens')];
    for (const typed of [xNumber, xNumber.toLowerCase(), ` ${xNumber} `]) {
      const again = await register(server.anonymous(), { ...citizen(typed), name: '李四', password: 'another-pass' }, ip);
      expect(again.status, typed).toBe(409);
      expect(again.body.error.code).toBe('CITIZEN_EXISTS');
      expect(again.headers.getSetCookie()).toEqual([]);
    }
    expect([await countRows('users'), await countRows('citizens')]).toEqual([users, citizens]);
  });

  it('answers a wrong check digit with 422 at /idNumber, with every other problem at once', async () => {
    const users = await countRows('users');
    const valid = freshIdNumber();
    const wrong = valid.slice(0, 17) + (valid.endsWith('0') ? '1' : '0');
    const refused = await register(
      server.anonymous(),
      { name: 'A', idNumber: wrong, phone: '12345', password: '12345678' },
      newAddress(),
    );
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('VALIDATION_FAILED');
    expect(refused.body.error.details).toEqual([
      { pointer: '/name', code: 'citizen.name', message: expect.stringContaining('姓名') },
      { pointer: '/idNumber', code: 'citizen.id_number_check_digit', message: '身份证号校验位不正确，请核对后重新输入' },
      { pointer: '/phone', code: 'citizen.phone', message: '请填写 11 位手机号码' },
      { pointer: '/password', code: 'citizen.password_digits_only', message: expect.stringContaining('数字') },
    ]);
    expect(await countRows('users')).toBe(users);
  });

  it.each([
    ['a short password', { password: 'short1' }, '/password', 'user.password_too_short'],
    ['the 身份证号 as password', { password: 'SAME' }, '/password', 'citizen.password_is_id_number'],
    ['a future birth date', { idNumber: 'FUTURE' }, '/idNumber', 'citizen.id_number_birth_date'],
    ['an unknown region', { idNumber: 'REGION' }, '/idNumber', 'citizen.id_number_region'],
    ['a 15-digit number', { idNumber: '439901900307128' }, '/idNumber', 'citizen.id_number_format'],
    ['a name with digits', { name: '王小明2' }, '/name', 'citizen.name'],
    ['a landline', { phone: '0731-88888888' }, '/phone', 'citizen.phone'],
  ])('refuses %s', async (_, change, pointer, code) => {
    const idNumber = freshIdNumber();
    const special: Record<string, string> = {
      SAME: idNumber.toLowerCase(),
      FUTURE: `43990120261203001${idNumberCheckCharacter('43990120261203001')}`,
      REGION: `99990119900307001${idNumberCheckCharacter('99990119900307001')}`,
    };
    const body = Object.fromEntries(
      Object.entries({ ...citizen(idNumber), ...change }).map(([key, value]) => [key, special[value] ?? value]),
    );
    const refused = await register(server.anonymous(), body, newAddress());
    expect(refused.status, refused.text).toBe(422);
    expect(refused.body.error.details).toEqual([expect.objectContaining({ pointer, code })]);
  });

  it('lets the citizen log in with the 身份证号 afterwards, the x in either case', async () => {
    let idNumber = freshIdNumber();
    while (!idNumber.endsWith('X')) idNumber = freshIdNumber();
    const first = server.anonymous();
    expect((await register(first, citizen(idNumber), newAddress())).status).toBe(201);
    for (const username of [idNumber, idNumber.toLowerCase()]) {
      const client = server.anonymous();
      const logged = await client.login(username, 'yunxi-2026');
      expect(logged.body.user).toMatchObject({ username: idNumber, role: 'citizen', displayName: '王小明' });
      expect((await client.get('/api/session')).body.user.username).toBe(idNumber);
    }
  });

  it('still requires the CSRF token for later writes', async () => {
    const client = server.anonymous();
    expect((await register(client, citizen(freshIdNumber()), newAddress())).status).toBe(201);
    const forged = await client.request('DELETE', '/api/session', undefined, { headers: { 'x-csrf-token': 'not-the-token' } });
    expect(forged.status).toBe(403);
    expect(forged.body.error.code).toBe('CSRF_INVALID');
    expect((await client.get('/api/session')).body.user.role).toBe('citizen');
    expect((await client.delete('/api/session')).status).toBe(204);
    expect((await client.get('/api/session')).body.user).toBeNull();
  });

  it('logs in the demo citizen', async () => {
    const client = server.anonymous();
    const logged = await client.login(DEMO_CITIZEN.idNumber, DEMO_PASSWORD);
    expect(logged.body.user).toMatchObject({ role: 'citizen', displayName: DEMO_CITIZEN.name });
    expect(await findCitizenByIdNumber(server.deps, DEMO_CITIZEN.idNumber)).toMatchObject(DEMO_CITIZEN);
  });
});

describe('the registration limit per address', () => {
  it(`allows ${MAX_REGISTRATIONS_PER_ADDRESS} well-formed attempts an hour, successful or not, then answers 429`, async () => {
    const ip = newAddress();
    const known = freshIdNumber();
    expect((await register(server.anonymous(), citizen(known), ip)).status).toBe(201);
    // Probing known numbers counts like registering; forms with mistakes do not count.
    for (let attempt = 1; attempt < MAX_REGISTRATIONS_PER_ADDRESS; attempt += 1) {
      const body = attempt % 2 === 0 ? citizen(known) : citizen(freshIdNumber());
      expect((await register(server.anonymous(), body, ip)).status).toBe(attempt % 2 === 0 ? 409 : 201);
      expect((await register(server.anonymous(), { ...citizen(freshIdNumber()), phone: 'x' }, ip)).status).toBe(422);
    }
    const users = await countRows('users');
    const limited = await register(server.anonymous(), citizen(freshIdNumber()), ip);
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('REGISTRATION_RATE_LIMITED');
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(REGISTRATION_WINDOW_MINUTES * 60);
    expect((await register(server.anonymous(), citizen(known), ip)).status).toBe(429);
    expect(await countRows('users')).toBe(users);

    // Another address is not limited; this one is again once the window has passed.
    expect((await register(server.anonymous(), citizen(freshIdNumber()), newAddress())).status).toBe(201);
    clock.set(new Date(clock.now().getTime() + (retryAfter + 1) * 1000).toISOString());
    expect((await register(server.anonymous(), citizen(freshIdNumber()), ip)).status).toBe(201);
  });

  it('holds for parallel attempts from one address', async () => {
    const ip = newAddress();
    const answers = await Promise.all(
      Array.from({ length: MAX_REGISTRATIONS_PER_ADDRESS + 10 }, () =>
        register(server.anonymous(), citizen(freshIdNumber()), ip),
      ),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(MAX_REGISTRATIONS_PER_ADDRESS);
    expect(statuses.filter((status) => status === 429)).toHaveLength(10);
  });
});
