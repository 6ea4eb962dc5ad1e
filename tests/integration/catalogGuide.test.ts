import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foodLicence } from '../support/matterFixtures';
import { publishMatter } from '../support/publishMatter';
import { startTestServer, type TestServer } from '../support/startTestServer';

const HOSTILE = '</td><script>alert(document.cookie)</script><img src=x onerror="alert(1)">';
const PRIVATE_NOTE = '内部备注：参照某县同类事项承诺时限，条款待核实';

/**
 * 食品经营许可 with two 办理情形 (小型 decided at its own window step; 大型 adding a floor plan), a
 * material fetched from the 电子证照库, a 容缺 material, a hostile string typed by staff and a
 * private note that must never reach the public.
 */
function guideMatter() {
  const base = foodLicence({ suffix: '0001310249901', name: '食品经营许可（办事指南测试）' });
  return {
    ...base,
    serviceContent: `为食品经营者核发许可证。${HOSTILE}`,
    privateNote: PRIVATE_NOTE,
    online: { ...base.online, url: 'https://zwfw.example.gov.cn/food', sceneVisitsReason: '全程网办' },
    result: { type: '证照', name: '食品经营许可证', sampleFileId: 'sample-food-1' },
    guideQuestions: [
      {
        id: 'scale',
        title: '经营规模',
        options: [
          { value: 'small', title: '小型（面积 50 平方米以下）' },
          { value: 'large', title: '大型' },
        ],
      },
    ],
    materials: [...base.materials, { id: 'layout', name: '经营场所平面图', type: '原件', copies: 1, necessity: '必要' }],
    toleratedAcceptance: { materials: ['proxy'], deadline: { value: 5, unit: 'workday' } },
    situations: [
      {
        id: 'small',
        name: '小型经营者',
        when: { properties: { scale: { const: 'small' } }, required: ['scale'] },
        timeLimits: { promised: { value: 3, unit: 'workday' } },
        sceneVisits: 0,
        flowStart: 'quickAccept',
      },
      {
        id: 'large',
        name: '大型经营者',
        when: { properties: { scale: { const: 'large' } }, required: ['scale'] },
        materials: { add: ['layout'] },
        sceneVisits: 2,
        sceneVisitsReason: '需现场核查经营场所',
      },
    ],
    flow: {
      ...base.flow,
      nodes: [
        ...base.flow.nodes,
        {
          id: 'quickAccept',
          kind: 'task',
          name: '小型经营者受理',
          role: 'window',
          budgetDays: 1,
          actions: ['accept', 'reject', 'supplement'],
          next: 'decide',
        },
      ],
    },
  };
}

/** The same matter as a 公共服务 whose law sets no time limit. */
function unspecifiedMatter() {
  const base = foodLicence({ suffix: '0001310249902', name: '食品经营信息查询（办事指南测试）' });
  return {
    ...base,
    type: '20',
    catalogCode: '000131099000',
    timeLimits: { statutory: { unspecified: true, explain: '法律未规定办理时限' }, promised: { value: 6, unit: 'workday' } },
  };
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  const legal = await server.login('legal');
  await publishMatter(legal, guideMatter());
  await publishMatter(legal, unspecifiedMatter());
});
afterAll(() => server?.close());

describe('the private note', () => {
  const { code } = guideMatter();

  it('is never in a public read of the matter, its versions or a diff, and is there for staff', async () => {
    for (const client of [server.anonymous(), await server.login('citizen')]) {
      for (const path of [`/api/matters/${code}`, `/api/matters/${code}/versions/1`, `/api/matters/${code}/diff?from=1&to=1`]) {
        const response = await client.get(path);
        expect(response.status, path).toBe(200);
        expect(response.text, path).not.toContain(PRIVATE_NOTE);
      }
    }
    const legal = await server.login('legal');
    expect((await legal.get(`/api/matters/${code}`)).body.document.privateNote).toBe(PRIVATE_NOTE);
  });
});

describe('the 办事指南 over HTTP', () => {
  const { code } = guideMatter();

  it('answers JSON with each situation on its own, 免提交 for fetched materials and never the private note', async () => {
    const guide = await server.anonymous().get(`/api/matters/${code}/guide`);
    expect(guide.status).toBe(200);
    expect(guide.text).not.toContain(PRIVATE_NOTE);
    expect(guide.body.basicInfo).toMatchObject({ catalogCode: '000131024000', levels: ['县级'], powerSource: '法定本级行使' });
    expect(guide.body.timeLimits).toMatchObject({ statutory: '10个工作日', promised: '6个工作日' });
    const licence = guide.body.materials.items.find((m: { id: string }) => m.id === 'licence');
    expect(licence.submission).toBe('免提交（窗口调取电子证照）');
    const proxy = guide.body.materials.items.find((m: { id: string }) => m.id === 'proxy');
    expect(proxy).toMatchObject({ mark: '容缺后补', appliesWhen: '委托代理人办理的' });
    expect(guide.body.materials.items.map((m: { id: string }) => m.id)).not.toContain('layout');
    const [small, large] = guide.body.situations;
    expect(small).toMatchObject({
      name: '小型经营者',
      appliesWhen: '经营规模：小型（面积 50 平方米以下）',
      sceneVisitsText: '0次（无需到办事现场）',
    });
    expect(small.timeLimits.promised).toBe('3个工作日');
    expect(small.steps.map((s: { name: string }) => s.name)).toEqual(['小型经营者受理', '决定']);
    expect(large.materials.map((m: { id: string }) => m.id)).toContain('layout');
    expect(large).toMatchObject({ sceneVisits: 2, sceneVisitsReason: '需现场核查经营场所' });
    expect(guide.body.result.sampleFileId).toBe('sample-food-1');
    expect(guide.body.acceptance.basis).toContain('第三十二条');
  });

  it('prints 法律未规定 for a limit the law does not set', async () => {
    const guide = await server.anonymous().get(`/api/matters/${unspecifiedMatter().code}/guide`);
    expect(guide.status).toBe(200);
    expect(guide.body.timeLimits).toMatchObject({ statutory: '法律未规定', isUnspecified: true });
    expect(guide.text).not.toContain('即时办结');
  });

  it('serves a printable A4 page: Chinese, self-contained, escaped, under a strict CSP', async () => {
    const page = await server.anonymous().get(`/api/matters/${code}/guide.html`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const html = page.text;
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain('免提交（窗口调取电子证照）');
    expect(html).toContain('情形1：小型经营者');
    expect(html).not.toContain(PRIVATE_NOTE);
    expect(html).not.toContain('<script>');
    expect(html).not.toMatch(/<img\b/);
    expect(html).toContain('&lt;/td&gt;&lt;script&gt;alert(document.cookie)&lt;/script&gt;');
  });

  it('answers the JSON error body for an unknown or malformed code', async () => {
    const unknown = await server.anonymous().get(`/api/matters/${code.slice(0, -1)}8/guide.html`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('MATTER_NOT_FOUND');
    const malformed = await server.anonymous().get('/api/matters/abc/guide.html');
    expect(malformed.status).toBe(400);
  });
});

describe('the seed catalog’s guides', () => {
  it('every published matter renders, in the law’s words, with no private note', async () => {
    const seeded = await startTestServer({ shouldSeedCatalog: true });
    try {
      const client = seeded.anonymous();
      const published = await client.get('/api/matters?pageSize=100');
      expect(published.body.items.length).toBeGreaterThan(10);
      const notes = (
        await seeded.deps.db.query<{ note: string }>(
          "SELECT document->>'privateNote' AS note FROM matter_versions WHERE document ? 'privateNote'",
        )
      ).rows.map((row) => row.note);
      for (const item of published.body.items as { code: string; name: string }[]) {
        const guide = await client.get(`/api/matters/${item.code}/guide`);
        const page = await client.get(`/api/matters/${item.code}/guide.html`);
        expect(page.status, item.name).toBe(200);
        for (const text of [guide.text, page.text]) {
          for (const note of notes) expect(text.includes(note), `${item.name}: private note`).toBe(false);
        }
        // “法律未规定” is never printed as a limit of 0 (the old “法定：即时办结”).
        for (const limits of [
          guide.body.timeLimits,
          ...guide.body.situations.map((s: { timeLimits: unknown }) => s.timeLimits),
        ]) {
          expect(limits.statutory, item.name).not.toBe('即时办结');
          if (limits.isUnspecified) expect(limits.statutory, item.name).toBe('法律未规定');
        }
        // Every situation is printed on its own, with its own materials and steps.
        for (const situation of guide.body.situations) {
          expect(situation.materials.length, `${item.name} ${situation.name}`).toBeGreaterThan(0);
          expect(situation.steps.length, `${item.name} ${situation.name}`).toBeGreaterThan(0);
          expect(page.text).toContain(situation.name);
        }
      }
    } finally {
      await seeded.close();
    }
  });
});
