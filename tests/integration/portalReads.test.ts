import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backfillNamePinyin } from '../../platform/src/catalog';
import { startTestServer, type TestServer } from '../support/startTestServer';

const WANGBA = '1143990100601012XX0001220140001';

interface Page {
  total: number;
  items: { name: string; projectType: string | null; sceneVisits: number | null; themes: Record<string, string[]> }[];
}

/** What the portal reads: search as citizens type it, theme browsing, and the precompiled conditions. */
describe('public reads for the portal', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ shouldSeedCatalog: true });
  });
  afterAll(async () => server?.close());

  const search = async (query: Record<string, string>) => {
    const response = await server.anonymous().get(`/api/matters?${new URLSearchParams(query)}`);
    expect(response.status).toBe(200);
    return response.body as Page;
  };

  it('finds 食品经营许可 for 食品许可: every term must match, not one substring', async () => {
    const names = (await search({ q: '食品许可' })).items.map((item) => item.name);
    expect(names).toContain('食品经营许可');
    expect(names).toContain('食品生产许可');
    expect(names).not.toContain('仅销售预包装食品备案');
    expect((await search({ q: '食品 备案' })).items.map((item) => item.name)).toEqual(['仅销售预包装食品备案']);
    expect((await search({ q: '食品 离婚' })).total).toBe(0);
  });

  it('finds 食品经营许可 by pinyin initials or full pinyin, as typed without a Chinese keyboard', async () => {
    for (const q of ['spxk', 'spjyxk', 'shipin', 'SPXK', 'shipinjingying']) {
      expect(
        (await search({ q, pageSize: '100' })).items.map((item) => item.name),
        q,
      ).toContain('食品经营许可');
    }
    // Every piece must match, as with Chinese words: initials of no name find nothing.
    expect((await search({ q: 'spqq' })).total).toBe(0);
    expect((await search({ q: 'shipin lihun' })).total).toBe(0);
    // Pinyin narrows, it does not widen: a Chinese term and initials together.
    const both = (await search({ q: '食品 jy', pageSize: '100' })).items.map((item) => item.name);
    expect(both).toEqual(['食品经营许可']);
  });

  it('fills the pinyin of versions stored without it (older rows, bulk loads)', async () => {
    const pinyinOf = async () =>
      (
        await server.deps.db.query<{ name_initials: string | null; name_pinyin: string | null }>(
          "SELECT name_initials, name_pinyin FROM matter_versions WHERE name = '食品经营许可'",
        )
      ).rows;
    await server.deps.db.query("UPDATE matter_versions SET name_initials = NULL, name_pinyin = NULL WHERE name = '食品经营许可'");
    expect(await backfillNamePinyin(server.deps)).toBeGreaterThan(0);
    expect(await pinyinOf()).toEqual([{ name_initials: 'spjyxk', name_pinyin: 'shipinjingyingxuke' }]);
    expect(await backfillNamePinyin(server.deps)).toBe(0);
  });

  it('counts matters per theme over the whole filter, not one page', async () => {
    const facets = async (query: Record<string, string>) =>
      (await server.anonymous().get(`/api/matters?${new URLSearchParams({ ...query, facets: 'themes', pageSize: '1' })}`))
        .body as Page & { facets: { themes: Record<'personal' | 'corporate', { theme: string; count: number }[]> } };
    const personal = await facets({ audience: 'personal' });
    expect(personal.items).toHaveLength(1);
    const all = await search({ audience: 'personal', pageSize: '100' });
    const counted = new Map<string, number>();
    for (const item of all.items)
      for (const theme of item.themes.personal ?? []) counted.set(theme, (counted.get(theme) ?? 0) + 1);
    expect(Object.fromEntries(personal.facets.themes.personal.map((f) => [f.theme, f.count]))).toEqual(
      Object.fromEntries(counted),
    );
    const counts = personal.facets.themes.personal.map((f) => f.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const marriage = await facets({ theme: '婚姻登记' });
    expect(marriage.facets.themes.personal.find((f) => f.theme === '婚姻登记')?.count).toBe(2);
    expect((await search({ audience: 'personal' })) as object).not.toHaveProperty('facets');
  });

  it('carries what a card shows: 办件类型, 跑动次数 and themes', async () => {
    const [food] = (await search({ q: '食品经营许可' })).items;
    expect(food).toMatchObject({ projectType: '2', sceneVisits: 0, themes: { corporate: ['准营准办'] } });
  });

  it('filters by audience and by life-event theme', async () => {
    const personal = await search({ audience: 'personal', pageSize: '100' });
    expect(personal.total).toBeGreaterThan(0);
    expect(personal.items.every((item) => item.themes.personal !== undefined)).toBe(true);
    const marriage = await search({ theme: '婚姻登记' });
    expect(marriage.items.map((item) => item.name).sort()).toEqual(['离婚登记', '结婚登记'].sort());
    expect((await search({ theme: '婚姻登记', audience: 'corporate' })).total).toBe(0);
    const licences = await search({ theme: '准营准办', audience: 'corporate', pageSize: '100' });
    expect(licences.items.every((item) => item.themes.corporate?.includes('准营准办'))).toBe(true);
  });

  it('serves a version’s conditions as a module of precompiled validators', async () => {
    const response = await fetch(`${server.url}/api/matters/${WANGBA}/versions/1/conditions.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const source = await response.text();
    const module = (await import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`)) as {
      version: number;
      conditions: (require: (id: string) => unknown) => Record<string, (data: unknown) => boolean>;
    };
    expect(module.version).toBe(1);
    const validators = module.conditions((id) => {
      throw new Error(`unexpected runtime ${id}`);
    });
    expect(Object.keys(validators)).toEqual(expect.arrayContaining(['/situations/0/when', '/situations/1/when']));
    expect(validators['/situations/1/when']?.({ stage: 'final' })).toBe(true);
    expect(validators['/situations/1/when']?.({ stage: 'prep' })).toBe(false);
    expect(validators['/situations/1/when']?.({})).toBe(false);
    expect((await fetch(`${server.url}/api/matters/${WANGBA}/versions/99/conditions.js`)).status).toBe(404);
  });

  it('tells the portal the centre’s region and today, from the server clock', async () => {
    const today = await server.anonymous().get('/api/calendar/today');
    expect(today.status).toBe(200);
    expect(today.body).toEqual({ region: '439901', today: server.deps.clock.today() });
  });
});
