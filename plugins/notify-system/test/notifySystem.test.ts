import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPluginFolder, runCheckedHook } from '../../../platform/src/cli/pluginFolder';
import { createSandboxPool, type PluginCheckResult } from '../../../platform/src/plugins/index';

const dir = fileURLToPath(new URL('..', import.meta.url));
const pool = createSandboxPool({ quota: { callsPerMinute: 10_000, cpuMsPerMinute: 600_000 } });
let checked: PluginCheckResult;

/** The department system: a real server on 127.0.0.1 that records what it is sent. */
const received: unknown[] = [];
let status = 200;
let server: Server;
let origin = '';
const readBody = async (request: IncomingMessage) => {
  let text = '';
  for await (const chunk of request) text += String(chunk);
  return JSON.parse(text) as unknown;
};

const matter = {
  code: '1143990100601006650001120080001',
  version: 1,
  name: '建筑工程施工许可证核发',
  departmentCode: '114399010060100665',
};
const notify = (type: string, grants: string[]) =>
  runCheckedHook(pool, dir, checked.compiled ?? '', {
    hook: 'onEvent',
    input: { matter, caseNumber: 'YX-2026-000321', event: { type, at: '2026-12-02T08:00:00.000Z', stepId: 'accept' } },
    options: { endpoint: `${origin}/events`, events: ['accepted'] },
    grants: { httpOrigins: grants },
  });

describe('notify-system', () => {
  beforeAll(async () => {
    server = createServer((request, response) => {
      void readBody(request).then((body) => {
        received.push(body);
        response.writeHead(status, { 'content-type': 'application/json' }).end('{"received":true}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    checked = await checkPluginFolder(dir, { pool });
  }, 120_000);
  afterAll(async () => {
    await pool.close();
    await new Promise((resolve) => server.close(resolve));
  });

  it('passes the upload check, its examples included', () => {
    expect(checked.diagnostics).toEqual([]);
    expect(checked.examples.filter((example) => !example.ok)).toEqual([]);
    expect(checked).toMatchObject({ ok: true, stage: 'examples' });
  });

  it('posts the event to the approved endpoint', async () => {
    received.length = 0;
    const answer = await notify('accepted', [origin]);
    expect(answer).toMatchObject({ ok: true, output: { note: '已通知部门系统（accepted）' } });
    expect(received).toEqual([
      {
        matterCode: matter.code,
        matterVersion: 1,
        caseNumber: 'YX-2026-000321',
        event: 'accepted',
        at: '2026-12-02T08:00:00.000Z',
        step: 'accept',
      },
    ]);
  });

  it('reaches nothing when the origin is not approved', async () => {
    received.length = 0;
    const answer = await notify('accepted', ['http://127.0.0.2:1']);
    expect(answer).toMatchObject({ ok: false, kind: 'capability_denied' });
    expect(received).toEqual([]);
  });

  it('fails the call when the department system refuses', async () => {
    status = 503;
    const answer = await notify('accepted', [origin]);
    status = 200;
    expect(answer).toMatchObject({ ok: false, kind: 'throw', message: expect.stringContaining('notify-system') });
  });
});
