import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CalendarYear } from '@matterflow/schemas';
import { createSandboxPool } from './createSandboxPool';
import { NO_GRANTS, type SandboxGrants } from './SandboxPool';
import { sandboxRequest } from './testPlugins';

const pool = createSandboxPool({ quota: { callsPerMinute: 100_000, cpuMsPerMinute: 6_000_000 } });
let server: Server;
let origin = '';
const received: unknown[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.url === '/notify') {
        const text = Buffer.concat(chunks).toString('utf8');
        received.push(text === '' ? null : JSON.parse(text));
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ accepted: true }));
      } else if (req.url === '/away') {
        res.writeHead(302, { location: 'http://localhost:1/elsewhere' }).end();
      } else if (req.url === '/home') {
        res.writeHead(302, { location: '/notify' }).end();
      } else if (req.url === '/huge') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ text: 'x'.repeat(100 * 1024) }));
      } else if (req.url === '/slow') {
        setTimeout(() => res.writeHead(200).end('{}'), 3000);
      } else {
        res.writeHead(404).end('not here');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await pool.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function granted(over: Partial<SandboxGrants> = {}): SandboxGrants {
  return { ...NO_GRANTS, httpOrigins: [origin], ...over };
}

describe('ctx.http', () => {
  it('posts JSON to a granted 127.0.0.1 server and gets its answer', async () => {
    const result = await pool.run(
      sandboxRequest(
        `onEvent: async (input, ctx) => {
          const answer = await ctx.http.postJson(ctx.options.url + '/notify', { caseNumber: input.caseNumber });
          const redirected = await ctx.http.postJson(ctx.options.url + '/home', { caseNumber: 'again' });
          const missing = await ctx.http.getJson(ctx.options.url + '/nothing');
          return { status: answer.status, body: answer.body, redirected: redirected.status, missing };
        }`,
        { hook: 'onEvent', input: { caseNumber: 'A-1' }, options: { url: origin }, grants: granted() },
      ),
    );
    expect(result).toMatchObject({
      ok: true,
      output: { status: 200, body: { accepted: true }, redirected: 200, missing: { status: 404, body: 'not here' } },
    });
    expect(received).toContainEqual({ caseNumber: 'A-1' });
  });

  it('refuses an origin that was not granted, and a redirect away from the granted one', async () => {
    const denied = await pool.run(
      sandboxRequest(`onEvent: async (input, ctx) => ctx.http.postJson('http://localhost:9/x', {})`, {
        pluginId: 'notify',
        version: '2.0.0',
        hook: 'onEvent',
        grants: granted(),
      }),
    );
    expect(denied).toMatchObject({
      ok: false,
      kind: 'capability_denied',
      message: '插件 notify 2.0.0 的 onEvent 未经授权访问 http://localhost:9',
    });
    const none = await pool.run(
      sandboxRequest(`onEvent: (input, ctx) => ctx.http.getJson(ctx.options.url)`, { hook: 'onEvent', options: { url: origin } }),
    );
    expect(none).toMatchObject({ ok: false, kind: 'capability_denied', message: expect.stringContaining(origin) });
    const away = await pool.run(
      sandboxRequest(`onEvent: (input, ctx) => ctx.http.getJson(ctx.options.url + '/away')`, {
        hook: 'onEvent',
        options: { url: origin },
        grants: granted(),
      }),
    );
    expect(away).toMatchObject({ ok: false, kind: 'capability_denied', message: expect.stringContaining('http://localhost:1') });
    const file = await pool.run(
      sandboxRequest(`onEvent: (input, ctx) => ctx.http.getJson('file:///etc/passwd')`, { hook: 'onEvent', grants: granted() }),
    );
    expect(file).toMatchObject({ ok: false, kind: 'capability_denied' });
  });

  it('a guest may catch a refusal and go on', async () => {
    const result = await pool.run(
      sandboxRequest(
        `onEvent: async (input, ctx) => { try { await ctx.http.getJson('http://localhost:9/'); return { sent: true }; } catch (e) { return { sent: false, why: e.message }; } }`,
        { hook: 'onEvent', grants: granted() },
      ),
    );
    expect(result).toMatchObject({ ok: true, output: { sent: false, why: 'CAPABILITY_DENIED: http://localhost:9' } });
  });

  it('caps the answer at 64 KiB and times the request out on its own limit', async () => {
    const huge = await pool.run(
      sandboxRequest(`onEvent: (input, ctx) => ctx.http.getJson(ctx.options.url + '/huge')`, {
        hook: 'onEvent',
        options: { url: origin },
        grants: granted(),
      }),
    );
    expect(huge).toMatchObject({ ok: false, kind: 'throw', message: expect.stringContaining('HTTP_RESPONSE_TOO_LARGE') });
    const slow = await pool.run(
      sandboxRequest(`onEvent: (input, ctx) => ctx.http.getJson(ctx.options.url + '/slow')`, {
        hook: 'onEvent',
        options: { url: origin },
        grants: granted(),
        limits: { httpTimeoutMs: 300 },
      }),
    );
    expect(slow).toMatchObject({ ok: false, kind: 'throw', message: expect.stringContaining('HTTP_TIMEOUT') });
  });

  it('does not count time waiting on a granted server against the call', async () => {
    const result = await pool.run(
      sandboxRequest(`onEvent: async (input, ctx) => (await ctx.http.getJson(ctx.options.url + '/slow')).status`, {
        hook: 'onEvent',
        options: { url: origin },
        grants: granted(),
        limits: { timeoutMs: 200, httpTimeoutMs: 5000 },
      }),
    );
    expect(result).toMatchObject({ ok: true, output: 200 });
  });
});

const CALENDAR_2026: CalendarYear = {
  year: 2026,
  holidays: [
    { date: '2026-10-01', name: '国庆节' },
    { date: '2026-10-02', name: '国庆节' },
  ],
  workdays: [{ date: '2026-10-10', name: '国庆节' }],
  source: 'test',
};

describe('ctx.calendar and ctx.lookup', () => {
  it('counts working days over the granted calendar', async () => {
    const result = await pool.run(
      sandboxRequest(
        `validate: (input, ctx) => ({
          holiday: ctx.calendar.isWorkingDay('2026-10-01'),
          makeup: ctx.calendar.isWorkingDay('2026-10-10'),
          due: ctx.calendar.addWorkingDays('2026-09-30', 1),
          count: ctx.calendar.countWorkingDays('2026-09-30', '2026-10-12'),
        })`,
        { grants: { ...NO_GRANTS, calendar: [CALENDAR_2026] } },
      ),
    );
    expect(result).toMatchObject({ ok: true, output: { holiday: false, makeup: true, due: '2026-10-05', count: 7 } });
    const bad = await pool.run(
      sandboxRequest(`validate: (i, ctx) => ctx.calendar.addWorkingDays('tomorrow', 1)`, {
        grants: { ...NO_GRANTS, calendar: [CALENDAR_2026] },
      }),
    );
    expect(bad).toMatchObject({ ok: false, kind: 'throw', message: expect.stringContaining('not a date') });
    const denied = await pool.run(
      sandboxRequest(`validate: (i, ctx) => ctx.calendar.isWorkingDay('2026-10-01')`, { pluginId: 'due', version: '1.0.0' }),
    );
    expect(denied).toMatchObject({
      ok: false,
      kind: 'capability_denied',
      message: '插件 due 1.0.0 的 validate 未经授权访问 calendar',
    });
  });

  it('reads granted lookup tables only, as copies', async () => {
    const lookupTables = { licences: { '110101199003074514': { holder: '张三', type: '营业执照' } } };
    const result = await pool.run(
      sandboxRequest(
        `prefill: (input, ctx) => {
          const row = ctx.lookup('licences', input.id);
          row.holder = 'changed';
          return { row: ctx.lookup('licences', input.id), missing: ctx.lookup('licences', 'nobody') };
        }`,
        { hook: 'prefill', input: { id: '110101199003074514' }, grants: { ...NO_GRANTS, lookupTables } },
      ),
    );
    expect(result).toMatchObject({ ok: true, output: { row: { holder: '张三', type: '营业执照' }, missing: null } });
    expect(lookupTables.licences['110101199003074514'].holder).toBe('张三');
    const denied = await pool.run(
      sandboxRequest(`prefill: (input, ctx) => ctx.lookup('population', 'x')`, {
        hook: 'prefill',
        grants: { ...NO_GRANTS, lookupTables },
      }),
    );
    expect(denied).toMatchObject({
      ok: false,
      kind: 'capability_denied',
      message: expect.stringContaining('lookup table population'),
    });
  });

  it('collects logs per call, capped', async () => {
    const result = await pool.run(
      sandboxRequest(
        `validate: (i, ctx) => { for (let n = 0; n < 80; n += 1) ctx.log.warn('line ' + n); ctx.log.error({ toString() { return 'obj'; } }); return {}; }`,
      ),
    );
    expect(result.ok).toBe(true);
    expect(result.logs).toHaveLength(51);
    expect(result.logs[0]).toEqual({ level: 'warn', message: 'line 0' });
    expect(result.logs.at(-1)?.message).toContain('31');
  });
});
