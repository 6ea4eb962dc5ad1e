import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../platform/src/kernel';
import { foodLicence, scjgCode } from '../support/matterFixtures';
import { hookTarget, pluginBundle, servedMessage, validateInput } from '../support/pluginBundles';
import { publishMatter } from '../support/publishMatter';
import { startTestServer, type TestServer } from '../support/startTestServer';
import type { TestClient } from '../support/TestClient';

const HEALTH = '11439901006010023P'; // 云溪县卫生健康局
const PASSWORD = 'plugin-host-staff-2026';
const system = { actor: SYSTEM_ACTOR };

let server: TestServer;
let admin: TestClient;
let sysadmin: TestClient;
let healthAdmin: TestClient;
let scjg: string;
let food: string;
let healthMatter: string;

beforeAll(async () => {
  server = await startTestServer();
  scjg = scjgCode();
  admin = await server.login('scjg_admin');
  sysadmin = await server.login('sysadmin');
  const legal = await server.login('legal');
  food = foodLicence({ suffix: '0001310240901' }).code;
  await publishMatter(legal, foodLicence({ suffix: '0001310240901' }));
  const health = foodLicence({ department: HEALTH, suffix: '0001310240902' });
  healthMatter = health.code;
  await publishMatter(legal, { ...health, department: { code: HEALTH, name: '云溪县卫生健康局', nature: '1' } });
  const created = await sysadmin.post('/api/users', {
    username: 'wsj_admin',
    displayName: '卫健管理员',
    role: 'dept_admin',
    departmentCode: HEALTH,
    password: PASSWORD,
  });
  expect(created.status, created.text).toBe(201);
  healthAdmin = server.anonymous();
  await healthAdmin.login('wsj_admin', PASSWORD);
}, 120_000);
afterAll(async () => server?.close());

async function upload(client: TestClient, bundle: ReturnType<typeof pluginBundle>) {
  return client.post('/api/plugins', bundle);
}

async function enable(client: TestClient, id: string, version: string) {
  return client.post(`/api/plugins/${id}/versions/${version}/transitions`, { to: 'enabled' });
}

const served = async (id: string, exact?: string) => {
  const outcomes = await server.plugins.run(
    system,
    hookTarget(food, scjg, [{ id, major: 1, onFailure: 'block' }]),
    'validate',
    validateInput(food, scjg),
    exact ? { versions: { [id]: exact } } : {},
  );
  return outcomes;
};

describe('plugin life cycle', () => {
  it('uploads a version that passes the check, enables it, and a hook call is answered by it', async () => {
    const uploaded = await upload(admin, pluginBundle({ department: scjg, matters: [food] }));
    expect(uploaded.status, uploaded.text).toBe(201);
    expect(uploaded.body).toMatchObject({ id: 'host-test', version: '1.0.0', state: 'checked', check: { ok: true } });
    expect(uploaded.body.files['src/index.ts']).toContain('definePlugin');

    // Checked is not enabled: nothing serves yet.
    const before = await served('host-test');
    expect(before).toMatchObject([{ ok: false, version: null, failure: { kind: 'not_enabled' } }]);

    const enabled = await enable(admin, 'host-test', '1.0.0');
    expect(enabled.status, enabled.text).toBe(200);
    expect(enabled.body).toMatchObject({ id: 'host-test', enabledVersion: '1.0.0', departmentCode: scjg });
    expect(enabled.body.versions[0]).toMatchObject({
      version: '1.0.0',
      state: 'enabled',
      hooks: ['validate'],
      enabledBy: 'scjg_admin',
    });

    expect(await served('host-test')).toEqual([
      {
        ok: true,
        pluginId: 'host-test',
        version: '1.0.0',
        output: { issues: [{ pointer: '/formData', message: servedMessage('1.0.0') }] },
      },
    ]);

    const list = await admin.get('/api/plugins');
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([expect.objectContaining({ id: 'host-test', enabledVersion: '1.0.0', versionCount: 1 })]);
    const again = await upload(admin, pluginBundle({ department: scjg, matters: [food] }));
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('PLUGIN_VERSION_EXISTS');
  }, 120_000);

  it('keeps a version that fails its check as a draft with the type error and its line, and refuses to enable it', async () => {
    const broken = pluginBundle({
      id: 'host-broken',
      department: scjg,
      matters: [food],
      validateBody: 'const n: number = input.form.noSuchField.length;\n      return { issues: [] };',
    });
    const uploaded = await upload(admin, broken);
    expect(uploaded.status, uploaded.text).toBe(201);
    expect(uploaded.body).toMatchObject({ state: 'draft', check: { ok: false, stage: 'types' } });
    expect(uploaded.body.check.diagnostics[0]).toMatchObject({ file: 'src/index.ts', line: 7 });
    const refused = await enable(admin, 'host-broken', '1.0.0');
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('PLUGIN_NOT_CHECKED');
    const read = await admin.get('/api/plugins/host-broken/versions/1.0.0');
    expect(read.status).toBe(200);
    expect(read.body.check.diagnostics.length).toBeGreaterThan(0);
  }, 120_000);

  it('types a plugin against the target matter’s real form: its fields typed, a misspelt one unknown', async () => {
    // The food form declares creditCode as a string and allows undeclared fields (an index signature).
    const typed = pluginBundle({
      id: 'host-typed',
      department: scjg,
      matters: [food],
      validateBody: 'const code: string = input.form.creditCode;\n      return { issues: code ? [] : [] };',
    });
    const good = await upload(admin, typed);
    expect(good.status, good.text).toBe(201);
    expect(good.body.check.diagnostics).toEqual([]);
    expect(good.body.state).toBe('checked');
    const misspelt = pluginBundle({
      id: 'host-typed',
      version: '1.0.1',
      department: scjg,
      matters: [food],
      validateBody: 'const code: string = input.form.creditCod;\n      return { issues: code ? [] : [] };',
    });
    const bad = await upload(admin, misspelt);
    expect(bad.status, bad.text).toBe(201);
    expect(bad.body).toMatchObject({ state: 'draft', check: { ok: false, stage: 'types' } });
    expect(bad.body.check.diagnostics[0]).toMatchObject({ file: 'src/index.ts', line: 7 });
  }, 180_000);

  it('refuses bundles without a usable head, with pointers, and never answers 500', async () => {
    const bad = pluginBundle({ department: scjg, matters: [food], version: '1.0' });
    const answer = await upload(admin, { ...bad, files: { '../escape.ts': 'x' } });
    expect(answer.status).toBe(422);
    expect(answer.body.error.code).toBe('PLUGIN_BUNDLE_INVALID');
    expect(answer.body.error.details.map((issue: { pointer: string }) => issue.pointer)).toEqual(
      expect.arrayContaining(['/manifest/version', '/files/..~1escape.ts']),
    );
    const unknownMatter = await upload(
      admin,
      pluginBundle({ id: 'host-nomatter', department: scjg, matters: [`${scjg}0009999999999`] }),
    );
    expect(unknownMatter.status).toBe(422);
    expect(unknownMatter.body.error.details[0].pointer).toBe('/manifest/matters/0');
    const badBody = await admin.post('/api/plugins', { manifest: 'x', files: [] });
    expect(badBody.status).toBe(422);
    const badVersion = await admin.get('/api/plugins/host-test/versions/latest');
    expect(badVersion.status).toBe(400);
    const missing = await admin.get('/api/plugins/no-such-plugin');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('PLUGIN_NOT_FOUND');
  }, 120_000);
});

describe('who may do what', () => {
  it('refuses another department, a window clerk and anonymous callers', async () => {
    const clerk = await server.login('scjg_window');
    expect((await clerk.get('/api/plugins')).status).toBe(403);
    expect((await server.anonymous().get('/api/plugins')).status).toBe(401);
    const foreignRead = await healthAdmin.get('/api/plugins/host-test');
    expect(foreignRead.status).toBe(403);
    expect(foreignRead.body.error.code).toBe('DEPARTMENT_SCOPE');
    expect((await healthAdmin.post('/api/plugins/host-test/versions/1.0.0/transitions', { to: 'disabled' })).status).toBe(403);
    expect((await healthAdmin.get('/api/plugins')).body.items).toEqual([]);
    // A manifest of another department, and a matter of another department in one's own manifest.
    const foreignUpload = await upload(healthAdmin, pluginBundle({ id: 'host-foreign', department: scjg, matters: [food] }));
    expect(foreignUpload.status).toBe(403);
    expect(foreignUpload.body.error.code).toBe('DEPARTMENT_SCOPE');
    const foreignMatter = await upload(healthAdmin, pluginBundle({ id: 'host-foreign', department: HEALTH, matters: [food] }));
    expect(foreignMatter.status).toBe(422);
    expect(foreignMatter.body.error).toMatchObject({
      code: 'PLUGIN_DEPARTMENT_FORBIDDEN',
      details: [{ pointer: '/manifest/matters/0' }],
    });
    // The id is the first uploader's department's.
    const takenId = await upload(
      healthAdmin,
      pluginBundle({ id: 'host-test', version: '9.0.0', department: HEALTH, matters: [healthMatter] }),
    );
    expect(takenId.status).toBe(422);
    expect(takenId.body.error.details[0].pointer).toBe('/manifest/id');
  }, 120_000);

  it('lets only a sysadmin grant origins and lookup tables, and checks them', async () => {
    const byAdmin = await admin.put('/api/plugins/host-test/grants', { httpOrigins: [], lookupTables: [] });
    expect(byAdmin.status).toBe(403);
    const badOrigin = await sysadmin.put('/api/plugins/host-test/grants', {
      httpOrigins: ['http://127.0.0.1:8080/path', 'http://Example.org:80'],
      lookupTables: ['no_such_table'],
    });
    expect(badOrigin.status).toBe(422);
    expect(badOrigin.body.error.details.map((issue: { pointer: string }) => issue.pointer)).toEqual([
      '/httpOrigins/0',
      '/httpOrigins/1',
      '/lookupTables/0',
    ]);
    expect((await admin.put('/api/plugin-tables/licences', { rows: {} })).status).toBe(403);
    const table = await sysadmin.put('/api/plugin-tables/licences', { rows: { '91439901MA4L0000X1': { name: '云溪食品店' } } });
    expect(table.status, table.text).toBe(200);
    expect(table.body).toMatchObject({ name: 'licences', rowCount: 1, updatedBy: 'sysadmin' });
    const notRow = await sysadmin.put('/api/plugin-tables/licences', { rows: { a: [1] } });
    expect(notRow.status).toBe(422);
    const granted = await sysadmin.put('/api/plugins/host-test/grants', {
      httpOrigins: ['http://127.0.0.1:8080'],
      lookupTables: ['licences'],
    });
    expect(granted.status, granted.text).toBe(200);
    expect(granted.body).toMatchObject({
      httpOrigins: ['http://127.0.0.1:8080'],
      lookupTables: ['licences'],
      grantedBy: 'sysadmin',
    });
    const view = await admin.get('/api/plugins/host-test');
    expect(view.body.grants).toMatchObject({ lookupTables: ['licences'] });
  }, 120_000);

  it('serves a granted lookup table inside the sandbox, and the change of a row at the next call', async () => {
    const bundle = pluginBundle({
      id: 'host-lookup',
      department: scjg,
      matters: [food],
      capabilities: { log: true, lookup: ['licences'] },
      validateBody: `const row = ctx.lookup('licences', '91439901MA4L0000X1') as { name?: string } | null;
      return { issues: [{ pointer: '/formData', message: row?.name ?? '无' }] };`,
    });
    expect((await upload(admin, bundle)).status).toBe(201);
    expect((await enable(admin, 'host-lookup', '1.0.0')).status).toBe(200);
    const message = async () => {
      const [outcome] = await served('host-lookup');
      return outcome?.ok ? outcome.output.issues[0]?.message : `${outcome?.failure.kind} ${outcome?.failure.message}`;
    };
    // Requested but not granted: the table is not there.
    expect(await message()).toMatch(/^capability_denied/);
    const granted = await sysadmin.put('/api/plugins/host-lookup/grants', { httpOrigins: [], lookupTables: ['licences'] });
    expect(granted.status, granted.text).toBe(200);
    expect(await message()).toBe('云溪食品店');
    await sysadmin.put('/api/plugin-tables/licences', { rows: { '91439901MA4L0000X1': { name: '云溪食品超市' } } });
    expect(await message()).toBe('云溪食品超市');
  }, 120_000);
});

describe('which version serves', () => {
  it('never calls a plugin for another department’s matter', async () => {
    const outcomes = await server.plugins.run(
      system,
      hookTarget(healthMatter, HEALTH, [{ id: 'host-test', major: 1, onFailure: 'window' }]),
      'validate',
      validateInput(healthMatter, HEALTH),
    );
    expect(outcomes).toMatchObject([{ ok: false, pluginId: 'host-test', onFailure: 'window', failure: { kind: 'not_enabled' } }]);
    expect((outcomes[0] as { failure: { message: string } }).failure.message).toContain('其他部门');
  }, 120_000);

  it('switches while calls run: v1.1.0 then, rolled back, v1.0.0 again, with no failed call', async () => {
    expect((await upload(admin, pluginBundle({ version: '1.1.0', department: scjg, matters: [food] }))).status).toBe(201);
    const seen: string[] = [];
    let failures = 0;
    let running = true;
    const loop = async () => {
      while (running) {
        for (const outcome of await served('host-test')) {
          if (outcome.ok) seen.push(outcome.version);
          else failures += 1;
        }
      }
    };
    const loops = [loop(), loop(), loop()];
    const settle = () => new Promise((resolve) => setTimeout(resolve, 300));
    await settle();
    expect((await enable(admin, 'host-test', '1.1.0')).status).toBe(200);
    await settle();
    const rolledBack = await enable(admin, 'host-test', '1.0.0');
    expect(rolledBack.status).toBe(200);
    expect(rolledBack.body.versions.map((v: { version: string; state: string }) => `${v.version}:${v.state}`)).toEqual([
      '1.1.0:disabled',
      '1.0.0:enabled',
    ]);
    await settle();
    running = false;
    await Promise.all(loops);
    expect(failures).toBe(0);
    // Each loop's calls are in order: 1.0.0, then 1.1.0, then 1.0.0 again.
    const runs = seen.filter((version, index) => index === 0 || seen[index - 1] !== version);
    expect(runs[0]).toBe('1.0.0');
    expect(runs).toContain('1.1.0');
    expect(seen.at(-1)).toBe('1.0.0');
    // An open case keeps the version it was filed with, whatever is enabled now.
    const [kept] = await served('host-test', '1.1.0');
    expect(kept).toMatchObject({ ok: true, version: '1.1.0' });
  }, 120_000);

  it('answers not_enabled once the enabled version is disabled', async () => {
    expect((await admin.post('/api/plugins/host-test/versions/1.0.0/transitions', { to: 'disabled' })).status).toBe(200);
    expect(await served('host-test')).toMatchObject([{ ok: false, version: null, failure: { kind: 'not_enabled' } }]);
    const twice = await admin.post('/api/plugins/host-test/versions/1.0.0/transitions', { to: 'disabled' });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('PLUGIN_TRANSITION_INVALID');
    expect((await enable(admin, 'host-test', '1.0.0')).status).toBe(200);
  }, 120_000);
});

describe('health', () => {
  it('counts calls and keeps the last failures with their case number', async () => {
    const throwing = pluginBundle({
      id: 'host-throws',
      department: scjg,
      matters: [food],
      validateBody: `if (input.answers.fail === 'yes') throw new Error('故意失败');
      return { issues: [] };`,
    });
    expect((await upload(admin, throwing)).status).toBe(201);
    expect((await enable(admin, 'host-throws', '1.0.0')).status).toBe(200);
    const target = hookTarget(food, scjg, [{ id: 'host-throws', major: 1, onFailure: 'block' }]);
    for (let i = 0; i < 3; i += 1) await server.plugins.run(system, target, 'validate', validateInput(food, scjg));
    const [failed] = await server.plugins.run(
      system,
      target,
      'validate',
      { ...validateInput(food, scjg), answers: { fail: 'yes' } },
      { caseNumber: 'SQ-TEST-0001' },
    );
    expect(failed).toMatchObject({ ok: false, version: '1.0.0', failure: { kind: 'throw' } });
    expect((failed as { failure: { message: string } }).failure.message).toContain('host-throws');
    const health = await admin.get('/api/plugins/host-throws/versions/1.0.0/health');
    expect(health.status, health.text).toBe(200);
    expect(health.body).toMatchObject({ calls: 4, failures: 1, hooks: [{ hook: 'validate', calls: 4, failures: 1 }] });
    expect(health.body.p95Ms).toBeGreaterThan(0);
    expect(health.body.lastErrors).toEqual([
      expect.objectContaining({ hook: 'validate', kind: 'throw', caseNumber: 'SQ-TEST-0001' }),
    ]);
    const list = await admin.get('/api/plugins');
    expect(list.body.items.find((item: { id: string }) => item.id === 'host-throws')).toMatchObject({ calls: 4, failures: 1 });
  }, 120_000);

  it('checks a plugin’s answer against the hook’s schema', async () => {
    const invalid = pluginBundle({
      id: 'host-invalid',
      department: scjg,
      matters: [food],
      validateBody: `return { issues: [{ pointer: input.answers.pointer ?? '/formData', message: '' }] } as never;`,
    });
    expect((await upload(admin, invalid)).status).toBe(201);
    expect((await enable(admin, 'host-invalid', '1.0.0')).status).toBe(200);
    const [outcome] = await server.plugins.run(
      system,
      hookTarget(food, scjg, [{ id: 'host-invalid', major: 1 }]),
      'validate',
      validateInput(food, scjg),
    );
    expect(outcome).toMatchObject({ ok: false, onFailure: 'block', failure: { kind: 'output_invalid' } });
    expect((outcome as { failure: { message: string } }).failure.message).toContain('/issues/0/message');
  }, 120_000);
});

describe('options', () => {
  const OPTIONS = {
    schema: {
      type: 'object',
      additionalProperties: false,
      required: ['label', 'copies'],
      properties: { label: { type: 'string', minLength: 1 }, copies: { type: 'integer', minimum: 1, maximum: 9 } },
    },
    defaults: { label: '默认', copies: 1 },
  };
  const echo = (version = '1.0.0', options: Record<string, unknown> = OPTIONS) =>
    pluginBundle({
      id: 'host-options',
      version,
      department: scjg,
      matters: [food],
      options,
      source: `import { definePlugin } from '@matterflow/plugin-sdk';
import type { Form } from '../forms';

export const plugin = definePlugin<Form, { label: string; copies: number }>({
  hooks: {
    validate(_input, ctx) {
      return { issues: [{ pointer: '/formData', message: ctx.options.label + '×' + ctx.options.copies }] };
    },
  },
});
`,
    });
  const echoed = async (pinOptions?: Record<string, unknown>) => {
    const [outcome] = await server.plugins.run(
      system,
      hookTarget(food, scjg, [
        { id: 'host-options', major: 1, onFailure: 'block', ...(pinOptions ? { options: pinOptions } : {}) },
      ]),
      'validate',
      validateInput(food, scjg),
    );
    return outcome;
  };

  it('refuses at upload defaults or an example that do not fit the options schema, and a schema that does not compile', async () => {
    const badDefaults = await upload(admin, echo('0.1.0', { ...OPTIONS, defaults: { label: '', copies: 1 } }));
    expect(badDefaults.status, badDefaults.text).toBe(201);
    expect(badDefaults.body).toMatchObject({ state: 'draft', check: { ok: false, stage: 'manifest' } });
    expect(badDefaults.body.check.diagnostics).toEqual([
      expect.objectContaining({ code: 'plugin.options_invalid', pointer: '/options/defaults/label' }),
    ]);
    const badSchema = await upload(
      admin,
      echo('0.2.0', { schema: { type: 'object', properties: { copies: { type: 'wrong' } } } }),
    );
    expect(badSchema.body.check.diagnostics).toEqual([
      expect.objectContaining({ code: 'plugin.options_schema_invalid', pointer: '/options/schema' }),
    ]);
  }, 120_000);

  it("gives a call the manifest's defaults with the matter pin's own values over them", async () => {
    const uploaded = await upload(admin, echo());
    expect(uploaded.body.check, uploaded.text).toMatchObject({ ok: true });
    expect((await enable(admin, 'host-options', '1.0.0')).status).toBe(200);
    expect(await echoed()).toMatchObject({ ok: true, output: { issues: [{ message: '默认×1' }] } });
    expect(await echoed({ copies: 3 })).toMatchObject({ ok: true, output: { issues: [{ message: '默认×3' }] } });
    expect(await echoed({ label: '本事项', copies: 2 })).toMatchObject({
      ok: true,
      output: { issues: [{ message: '本事项×2' }] },
    });
  }, 120_000);

  it('ends a call whose merged options do not fit with options_invalid, naming the field, recorded in health', async () => {
    const outcome = await echoed({ copies: 12 });
    expect(outcome).toMatchObject({ ok: false, version: '1.0.0', onFailure: 'block', failure: { kind: 'options_invalid' } });
    const { message } = (outcome as { failure: { message: string } }).failure;
    expect(message).toContain('host-options 1.0.0');
    expect(message).toContain('/copies');
    const health = await admin.get('/api/plugins/host-options/versions/1.0.0/health');
    expect(health.body.lastErrors).toEqual([expect.objectContaining({ hook: 'validate', kind: 'options_invalid' })]);
  }, 120_000);

  it('refuses to publish a matter pinning another department’s plugin or options that do not fit; a plugin not uploaded yet is no fault', async () => {
    const legal = await server.login('legal');
    const health = { code: HEALTH, name: '云溪县卫生健康局', nature: '1' };
    const attempt = async (suffix: string, plugins: unknown[], department?: typeof health) => {
      const base = foodLicence({ suffix, ...(department ? { department: department.code } : {}) });
      const document = { ...base, ...(department ? { department } : {}), plugins };
      expect((await legal.post('/api/matters', { document })).status).toBe(201);
      // Sending to review runs the publish checks already: the clerk hears of a bad pin first there.
      const submitted = await legal.post(`/api/matters/${document.code}/transitions`, { action: 'submit' });
      if (submitted.status !== 200) return submitted;
      return legal.post(`/api/matters/${document.code}/transitions`, { action: 'publish' });
    };
    const refused = await attempt('0001310240911', [
      { id: 'no-such-plugin', major: 1 },
      { id: 'host-options', major: 1, options: { copies: 12, colour: 'red' } },
    ]);
    expect(refused.status, refused.text).toBe(422);
    expect(refused.body.error.code).toBe('PUBLISH_BLOCKED');
    const pinIssues = (refused.body.error.details as { pointer: string; code: string }[]).filter((issue) =>
      issue.pointer.startsWith('/plugins'),
    );
    expect(pinIssues).toEqual([
      expect.objectContaining({ pointer: '/plugins/1/options/colour', code: 'publish.plugin_options_invalid' }),
      expect.objectContaining({ pointer: '/plugins/1/options/copies', code: 'publish.plugin_options_invalid' }),
    ]);
    const foreign = await attempt('0001310240912', [{ id: 'host-options', major: 1 }], health);
    expect(foreign.status, foreign.text).toBe(422);
    expect(foreign.body.error.details).toEqual([
      expect.objectContaining({ pointer: '/plugins/0/id', code: 'publish.plugin_foreign' }),
    ]);
    const published = await attempt('0001310240913', [{ id: 'host-options', major: 1, options: { copies: 3 } }]);
    expect(published.status, published.text).toBe(200);
  }, 120_000);

  it('refuses options for a plugin that declares none', async () => {
    expect((await upload(admin, pluginBundle({ id: 'host-no-options', department: scjg, matters: [food] }))).status).toBe(201);
    expect((await enable(admin, 'host-no-options', '1.0.0')).status).toBe(200);
    const [outcome] = await server.plugins.run(
      system,
      hookTarget(food, scjg, [{ id: 'host-no-options', major: 1, options: { copies: 2 } }]),
      'validate',
      validateInput(food, scjg),
    );
    expect(outcome).toMatchObject({
      ok: false,
      failure: { kind: 'options_invalid', message: expect.stringContaining('没有声明选项') },
    });
  }, 120_000);
});
