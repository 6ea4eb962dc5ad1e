import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import createClient from 'openapi-fetch';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOpenApi } from '../../platform/src/http';
import { foodLicence } from '../support/matterFixtures';
import { publishMatter } from '../support/publishMatter';
import { startTestServer, type TestServer } from '../support/startTestServer';

/**
 * An integrator's view: types generated from /api/openapi.json with openapi-typescript, a typed
 * openapi-fetch client written against them that must compile under strict TypeScript, and the same
 * calls made against the running server.
 */
let server: TestServer;
let dir: string;

beforeAll(async () => {
  server = await startTestServer();
  dir = mkdtempSync(join(tmpdir(), 'mf-client-'));
});
afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const usage = `
import createClient from 'openapi-fetch';
import type { paths } from './api';

export async function example(baseUrl: string): Promise<string[]> {
  const client = createClient<paths>({ baseUrl });
  const search = await client.GET('/api/matters', { params: { query: { q: '食品', pageSize: '5' } } });
  const names: string[] = (search.data?.items ?? []).map((item) => item.name + item.departmentName);
  const login = await client.POST('/api/session', { body: { username: 'legal', password: 'matterflow-demo' } });
  const token: string | undefined = login.data?.csrfToken;
  const matter = await client.GET('/api/matters/{code}', { params: { path: { code: 'X' } } });
  const version: number | undefined = matter.data?.version;
  const errorCode: string | undefined = matter.error?.error.code;
  const guide = await client.GET('/api/matters/{code}/guide', { params: { path: { code: 'X' } } });
  const limits: string | null | undefined = guide.data?.timeLimits.promised;
  await client.POST('/api/matters/{code}/transitions', {
    params: { path: { code: 'X' }, header: { 'X-CSRF-Token': token ?? '' } },
    body: { action: 'submit' },
  });
  return [...names, String(version), errorCode ?? '', limits ?? ''];
}
`;

describe('a client generated from the OpenAPI document', () => {
  it('compiles under strict TypeScript', async () => {
    const types = astToString(await openapiTS(buildOpenApi(server.routes) as never));
    writeFileSync(join(dir, 'api.ts'), types);
    writeFileSync(join(dir, 'usage.ts'), usage);
    const program = ts.createProgram([join(dir, 'usage.ts')], {
      strict: true,
      noUncheckedIndexedAccess: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      skipLibCheck: true,
      typeRoots: [],
      baseUrl: resolve('.'),
      paths: { 'openapi-fetch': [resolve('node_modules/openapi-fetch')] },
    });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(diagnostics).toEqual([]);
  }, 60_000);

  it('works against the running server', async () => {
    const legal = await server.login('legal');
    const document = foodLicence({ suffix: '0001310249801' });
    await publishMatter(legal, document);
    const client = createClient<any>({ baseUrl: server.url });
    const found = await client.GET('/api/matters/{code}', { params: { path: { code: document.code } } });
    expect(found.response.status).toBe(200);
    expect(found.data.document.name).toBe('食品经营许可');
    const missing = await client.GET('/api/matters/{code}', { params: { path: { code: `${document.code.slice(0, 20)}9` } } });
    expect(missing.error.error.code).toBe('MATTER_NOT_FOUND');
  });
});
