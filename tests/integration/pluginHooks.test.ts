import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDueTimers } from '../../platform/src/scheduler';
import { DEMO_CITIZEN_ID, submitDraft } from '../support/foodApplication';
import { PLUGIN_ID, THROW_NAME, consumerBundle, consumerMatter, startNotifyServer } from '../support/consumerPlugin';
import { scjgCode } from '../support/matterFixtures';
import { pluginBundle } from '../support/pluginBundles';
import { samplePdf } from '../support/sampleFiles';
import { uploadFile } from '../support/uploadFile';
import { startTestServer, type TestServer } from '../support/startTestServer';
import type { TestClient } from '../support/TestClient';

const HEALTH = '11439901006010023P'; // 云溪县卫生健康局
const BAD_ID = '439901199003071281'; // the demo citizen's number with a wrong check digit
const FORM = { enterpriseName: '云溪县春梅小吃店', creditCode: '92439901MA4L0XXX1X', premisesType: '住宅', certificates: 1 };

let server: TestServer;
let citizen: TestClient;
let window: TestClient;
let admin: TestClient;
let notify: Awaited<ReturnType<typeof startNotifyServer>>;
let refusedOrigin: string;
let v1 = '';
let v2 = '';
const codes = { block: '', window: '', health: '' };
let keys = 0;
const key = () => `plugin-hooks-${(keys += 1)}-key`;

beforeAll(async () => {
  server = await startTestServer();
  notify = await startNotifyServer();
  // Asked for in the manifest, never granted: the host must refuse it.
  refusedOrigin = 'http://127.0.0.1:9';
  citizen = await server.login(DEMO_CITIZEN_ID);
  window = await server.login('scjg_window');
  admin = await server.login('scjg_admin');
  const sysadmin = await server.login('sysadmin');
  const legal = await server.login('legal');
  const scjg = scjgCode();
  const block = consumerMatter({ department: scjg, suffix: '0001310240951', onFailure: 'block' });
  const windowed = consumerMatter({ department: scjg, suffix: '0001310240952', onFailure: 'window' });
  const health = consumerMatter({
    department: HEALTH,
    suffix: '0001310240953',
    onFailure: 'window',
    departmentName: '云溪县卫生健康局',
  });
  for (const document of [block, windowed, health]) await publishPatiently(legal, document);
  codes.block = block.code;
  codes.window = windowed.code;
  codes.health = health.code;
  const bundle = (version: string) =>
    consumerBundle({
      version,
      department: scjg,
      matters: [codes.block, codes.window],
      granted: notify.origin,
      refused: refusedOrigin,
    });
  v1 = await uploadChecked(bundle, 1, 0);
  v2 = await uploadChecked(bundle, 1, 1);
  const enabled = await admin.post(`/api/plugins/${PLUGIN_ID}/versions/${v1}/transitions`, { to: 'enabled' });
  expect(enabled.status, enabled.text).toBe(200);
  const granted = await sysadmin.put(`/api/plugins/${PLUGIN_ID}/grants`, { httpOrigins: [notify.origin], lookupTables: [] });
  expect(granted.status, granted.text).toBe(200);
}, 600_000);
/**
 * publishMatter, but a request cut off on the way (on a loaded machine this process — which is also
 * the server — can stall past the keep-alive timeout and a reused socket is reset) is sent again.
 */
async function publishPatiently(legal: TestClient, document: { code: string }) {
  const steps: [string, object][] = [
    ['/api/matters', { document }],
    [`/api/matters/${document.code}/transitions`, { action: 'submit' }],
    [`/api/matters/${document.code}/transitions`, { action: 'publish' }],
  ];
  for (const [path, body] of steps) {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const answer = await legal.post(path, body);
        // A step sent again may find its first attempt done (409 and the like): that is progress too.
        if (answer.status < 300 || attempt > 1) break;
        throw new Error(`publishing ${document.code}: ${answer.status} ${answer.text}`);
      } catch (error) {
        if (attempt >= 4 || !(error instanceof TypeError)) throw error;
      }
    }
  }
}

/**
 * Uploads major.minor.patch through the API and its check; on a loaded machine the check's type
 * check may run out of its time (a draft with plugin.typecheck_timeout), then the next patch is tried.
 */
async function uploadChecked(bundle: (version: string) => object, major: number, minor: number): Promise<string> {
  for (let patch = 0; patch < 4; patch += 1) {
    const version = `${major}.${minor}.${patch}`;
    const uploaded = await admin.post('/api/plugins', bundle(version));
    expect(uploaded.status, uploaded.text).toBe(201);
    if (uploaded.body.check.ok) return version;
    const timedOut = uploaded.body.check.diagnostics?.some((d: { code: string }) => d.code === 'plugin.typecheck_timeout');
    expect(timedOut, JSON.stringify(uploaded.body.check)).toBe(true);
  }
  throw new Error('the upload check timed out four times');
}

afterAll(async () => {
  await server?.close();
  await notify?.close();
});

async function openDraft(matterCode: string) {
  const created = await citizen.post('/api/drafts', { matterCode });
  expect(created.status, created.text).toBe(201);
  return created.body as {
    id: string;
    revision: number;
    formData: Record<string, unknown>;
    plugins: Record<string, unknown> | null;
  };
}

async function save(draft: { id: string; revision: number }, formData: Record<string, unknown>, materials = {}) {
  const saved = await citizen.put(`/api/drafts/${draft.id}`, { revision: draft.revision, answers: {}, formData, materials });
  expect(saved.status, saved.text).toBe(200);
  return saved.body;
}

/** A draft of `matterCode` saved with `form` and submitted: the answer. */
async function apply(matterCode: string, form: Record<string, unknown>) {
  const draft = await openDraft(matterCode);
  const saved = await save(draft, { ...draft.formData, ...form });
  const submitted = await submitDraft(citizen, draft.id, key());
  return { draft, saved, submitted };
}

const eventsOf = async (number: string) =>
  (
    await server.deps.db.query<{ type: string; details: Record<string, unknown> | null }>(
      `SELECT e.type, e.details FROM application_events e JOIN applications a ON a.id = e.application_id
       WHERE a.number = $1 ORDER BY e.id`,
      [number],
    )
  ).rows;

describe('intake calls the pinned plugins', () => {
  it('prefills a new draft and keeps where each value came from', async () => {
    const draft = await openDraft(codes.block);
    expect(draft.formData).toEqual({ operatorIdNumber: DEMO_CITIZEN_ID });
    expect(draft.plugins).toMatchObject({ sources: [{ pointer: '/operatorIdNumber', source: '实名认证信息' }] });
  });

  it("refuses a bad 身份证号 at submit with the plugin's pointer, and shows it on save", async () => {
    const { saved, submitted } = await apply(codes.block, { ...FORM, operatorIdNumber: BAD_ID });
    expect(saved.plugins.issues).toEqual([
      { pointer: '/formData/operatorIdNumber', code: 'plugin.invalid', message: '“经营者身份证号码”的校验码不正确' },
    ]);
    expect(submitted.status, submitted.text).toBe(422);
    expect(submitted.body.error.code).toBe('APPLICATION_INVALID');
    expect(submitted.body.error.details).toEqual([
      { pointer: '/formData/operatorIdNumber', code: 'plugin.invalid', message: '“经营者身份证号码”的校验码不正确' },
    ]);
  });

  it('prices the application: fee lines and the total on the draft, the application and its receipt', async () => {
    const { saved, submitted } = await apply(codes.block, { ...FORM, certificates: 3 });
    const fees = {
      lines: [
        expect.objectContaining({ item: '登记费（住宅）', amountFen: 8000, quantity: 1, pluginId: PLUGIN_ID }),
        expect.objectContaining({ item: '证书工本费', amountFen: 1000, quantity: 2, basis: '第一本证书免收工本费' }),
      ],
      totalFen: 10000,
      notes: [],
    };
    expect(saved.plugins.fees).toEqual(fees);
    expect(submitted.status, submitted.text).toBe(201);
    expect(submitted.body.fees).toEqual(fees);
    const receipt = await citizen.get(`/api/applications/${submitted.body.number}`);
    expect(receipt.body.fees).toEqual(fees);
    const stored = await server.deps.db.query<{ plugin_versions: Record<string, string> }>(
      'SELECT plugin_versions FROM applications WHERE number = $1',
      [submitted.body.number],
    );
    expect(stored.rows[0]?.plugin_versions).toEqual({ [PLUGIN_ID]: v1 });
  });

  it("makes a listed material required when the plugin says so, with the plugin's reason", async () => {
    const { saved, submitted } = await apply(codes.block, { ...FORM, premisesType: '非住宅' });
    expect(saved.plugins.materials).toEqual([{ materialId: 'sitePlan', reason: '非住宅场所须提交平面图', pluginId: PLUGIN_ID }]);
    expect(submitted.status, submitted.text).toBe(422);
    expect(submitted.body.error.details).toEqual([
      expect.objectContaining({
        pointer: '/materials/sitePlan',
        code: 'material.required',
        message: expect.stringContaining('非住宅场所须提交平面图'),
      }),
    ]);
  });

  it('a throwing plugin pinned with block: save shows and submit refuses with a message naming plugin, version and hook', async () => {
    const { saved, submitted } = await apply(codes.block, { ...FORM, enterpriseName: THROW_NAME });
    expect(saved.plugins.issues).toEqual([expect.objectContaining({ pointer: '', code: 'plugin.failed' })]);
    expect(submitted.status, submitted.text).toBe(422);
    const [issue] = submitted.body.error.details;
    expect(issue).toMatchObject({ pointer: '', code: 'plugin.failed' });
    expect(issue.message).toContain(PLUGIN_ID);
    expect(issue.message).toContain(v1);
    expect(issue.message).toContain('validate');
  });

  it('a throwing plugin pinned with window: filed, and plugin_failed is on the staff timeline only', async () => {
    const { submitted } = await apply(codes.window, { ...FORM, enterpriseName: THROW_NAME });
    expect(submitted.status, submitted.text).toBe(201);
    const number = submitted.body.number as string;
    const failed = (await eventsOf(number)).filter((event) => event.type === 'plugin_failed');
    expect(failed).toEqual([
      {
        type: 'plugin_failed',
        details: expect.objectContaining({ pluginId: PLUGIN_ID, version: v1, hook: 'validate', kind: 'throw' }),
      },
    ]);
    const staff = await window.get(`/api/applications/${number}`);
    expect(staff.body.events.map((event: { type: string }) => event.type)).toContain('plugin_failed');
    const own = await citizen.get(`/api/applications/${number}`);
    expect(own.body.events.map((event: { type: string }) => event.type)).not.toContain('plugin_failed');
  });

  it("another department's matter is not served by the plugin: no check, no fees", async () => {
    const { saved, submitted } = await apply(codes.health, { ...FORM, operatorIdNumber: BAD_ID });
    expect(saved.plugins).toMatchObject({ issues: [], fees: null, materials: [] });
    expect(submitted.status, submitted.text).toBe(201);
    expect(submitted.body.fees).toBeNull();
    // The pin names a plugin of another department: never run for it, and the window is told.
    const failed = (await eventsOf(submitted.body.number)).filter((event) => event.type === 'plugin_failed');
    expect(failed.map((event) => event.details)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ pluginId: PLUGIN_ID, version: null, hook: 'validate', kind: 'not_enabled' }),
      ]),
    );
    const stored = await server.deps.db.query<{ plugin_versions: Record<string, string> }>(
      'SELECT plugin_versions FROM applications WHERE number = $1',
      [submitted.body.number],
    );
    expect(stored.rows[0]?.plugin_versions).toEqual({});
  });
});

describe('cases call the pinned plugins', () => {
  async function accepted(form: Record<string, unknown>) {
    const { submitted } = await apply(codes.block, form);
    expect(submitted.status, submitted.text).toBe(201);
    const number = submitted.body.number as string;
    const answer = await window.post(`/api/cases/${number}/actions`, { action: 'accept', idempotencyKey: key(), revision: 1 });
    expect(answer.status, answer.text).toBe(200);
    return number;
  }

  const offerEvents = () => runDueTimers(server.deps, { handlers: server.timerHandlers });

  it('route chooses the branch at 受理, recorded with its reason', async () => {
    const home = await accepted(FORM);
    const view = await window.get(`/api/cases/${home}`);
    expect(view.body.tasks.map((task: { name: string }) => task.name)).toEqual(['书面审查']);
    const routed = (await eventsOf(home)).find((event) => event.type === 'plugin_routed');
    expect(routed?.details).toEqual({
      pluginId: PLUGIN_ID,
      version: v1,
      branches: { joint: ['desk'] },
      reason: '住宅书面审查即可',
    });

    // 非住宅: the materials hook asks for the site plan, and the route sends the case to 现场核查.
    const draft = await openDraft(codes.block);
    const plan = await uploadFile(citizen, { draftId: draft.id, materialId: 'sitePlan', name: 'plan.pdf', bytes: samplePdf() });
    expect(plan.status, plan.text).toBe(201);
    await save(draft, { ...draft.formData, ...FORM, premisesType: '非住宅' }, { sitePlan: [plan.body.id] });
    const submitted = await submitDraft(citizen, draft.id, key());
    expect(submitted.status, submitted.text).toBe(201);
    const onsite = submitted.body.number as string;
    const answer = await window.post(`/api/cases/${onsite}/actions`, { action: 'accept', idempotencyKey: key(), revision: 1 });
    expect(answer.status, answer.text).toBe(200);
    const onsiteView = await window.get(`/api/cases/${onsite}`);
    expect(onsiteView.body.tasks.map((task: { name: string }) => task.name)).toEqual(['现场核查']);
  });

  it('onEvent tells the granted endpoint; the origin not granted is refused and recorded on the case', async () => {
    const number = await accepted(FORM);
    await offerEvents();
    const told = notify.received.filter((body) => body.caseNumber === number);
    expect(told.map((body) => body.type).sort()).toEqual(['case_accepted', 'plugin_routed']);
    expect(told.every((body) => body.marker === v1)).toBe(true);
    const failed = (await eventsOf(number)).filter((event) => event.type === 'plugin_failed');
    expect(failed).toEqual([
      {
        type: 'plugin_failed',
        details: expect.objectContaining({
          pluginId: PLUGIN_ID,
          hook: 'onEvent',
          eventType: 'case_accepted',
          kind: 'capability_denied',
        }),
      },
    ]);
    // Offered once: nothing is pending for these events any more, and a failure is not itself offered.
    await offerEvents();
    expect(notify.received.filter((body) => body.caseNumber === number)).toHaveLength(2);
  });

  it('an open case keeps the plugin version it was filed with after v2 is enabled', async () => {
    const { submitted } = await apply(codes.block, FORM);
    expect(submitted.status, submitted.text).toBe(201);
    const number = submitted.body.number as string;
    const enabled = await admin.post(`/api/plugins/${PLUGIN_ID}/versions/${v2}/transitions`, { to: 'enabled' });
    expect(enabled.status, enabled.text).toBe(200);
    try {
      const answer = await window.post(`/api/cases/${number}/actions`, { action: 'accept', idempotencyKey: key(), revision: 1 });
      expect(answer.status, answer.text).toBe(200);
      await offerEvents();
      const told = notify.received.filter((body) => body.caseNumber === number);
      expect(told.length).toBeGreaterThan(0);
      expect(told.every((body) => body.marker === v1)).toBe(true);
      // A new application is served by v2.
      const fresh = await apply(codes.block, FORM);
      expect(fresh.submitted.status).toBe(201);
      const stored = await server.deps.db.query<{ plugin_versions: Record<string, string> }>(
        'SELECT plugin_versions FROM applications WHERE number = $1',
        [fresh.submitted.body.number],
      );
      expect(stored.rows[0]?.plugin_versions).toEqual({ [PLUGIN_ID]: v2 });
    } finally {
      const back = await admin.post(`/api/plugins/${PLUGIN_ID}/versions/${v1}/transitions`, { to: 'enabled' });
      expect(back.status, back.text).toBe(200);
    }
  });
});

describe('hot swap under load', () => {
  it('submits keep succeeding while v2 is enabled and rolled back', async () => {
    const drafts = [];
    for (let n = 0; n < 12; n += 1) {
      const draft = await openDraft(codes.block);
      await save(draft, { ...draft.formData, ...FORM });
      drafts.push(draft);
    }
    const submits = drafts.map((draft, n) =>
      new Promise((resolve) => setTimeout(resolve, n * 15)).then(() => submitDraft(citizen, draft.id, key())),
    );
    const swaps = (async () => {
      for (const version of [v2, v1, v2, v1]) {
        const switched = await admin.post(`/api/plugins/${PLUGIN_ID}/versions/${version}/transitions`, { to: 'enabled' });
        expect(switched.status, switched.text).toBe(200);
      }
    })();
    const answers = await Promise.all(submits);
    await swaps;
    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 201));
    const versions = new Set(answers.map((answer) => answer.body.number as string));
    expect(versions.size).toBe(12);
  });
});

describe('a plugin with only a case hook', () => {
  const ONLY_ID = 'notify-only';
  const onlyBundle = (version: string, department: string, matterCode: string) => {
    const bundle = pluginBundle({
      id: ONLY_ID,
      version,
      department,
      matters: [matterCode],
      source: `import { definePlugin } from '@matterflow/plugin-sdk';
import type { Form } from '../forms';

export const plugin = definePlugin<Form>({
  hooks: {
    async onEvent(input, ctx) {
      await ctx.http.postJson('${notify.origin}/notify', { marker: 'only-${version}', caseNumber: input.caseNumber, type: input.event.type });
      return {};
    },
  },
});
`,
      capabilities: { log: true, http: [notify.origin] },
    });
    return { ...bundle, manifest: { ...bundle.manifest, hooks: { onEvent: { description: '通知部门系统' } } } };
  };

  it('runs onEvent on the version in force at submit, though a later one is enabled before 受理', async () => {
    const scjg = scjgCode();
    const matter = {
      ...consumerMatter({ department: scjg, suffix: '0001310240954', onFailure: 'window' }),
      plugins: [{ id: ONLY_ID, major: 1, onFailure: 'window' }],
    };
    await publishPatiently(await server.login('legal'), matter);
    const first = await uploadChecked((version) => onlyBundle(version, scjg, matter.code), 1, 0);
    const second = await uploadChecked((version) => onlyBundle(version, scjg, matter.code), 1, 1);
    const granted = await (
      await server.login('sysadmin')
    ).put(`/api/plugins/${ONLY_ID}/grants`, {
      httpOrigins: [notify.origin],
      lookupTables: [],
    });
    expect(granted.status, granted.text).toBe(200);
    const enable = async (version: string) => {
      const answer = await admin.post(`/api/plugins/${ONLY_ID}/versions/${version}/transitions`, { to: 'enabled' });
      expect(answer.status, answer.text).toBe(200);
    };
    await enable(first);
    const { submitted } = await apply(matter.code, FORM);
    expect(submitted.status, submitted.text).toBe(201);
    const number = submitted.body.number as string;
    // No intake hook consulted it, yet its version is on the application.
    const stored = await server.deps.db.query<{ plugin_versions: Record<string, string> }>(
      'SELECT plugin_versions FROM applications WHERE number = $1',
      [number],
    );
    expect(stored.rows[0]?.plugin_versions).toEqual({ [ONLY_ID]: first });
    await enable(second);
    const answer = await window.post(`/api/cases/${number}/actions`, { action: 'accept', idempotencyKey: key(), revision: 1 });
    expect(answer.status, answer.text).toBe(200);
    await runDueTimers(server.deps, { handlers: server.timerHandlers });
    const told = notify.received.filter((body) => body.caseNumber === number && String(body.marker).startsWith('only-'));
    expect(told.map((body) => body.type)).toContain('case_accepted');
    expect(told.every((body) => body.marker === `only-${first}`)).toBe(true);
  });
});
