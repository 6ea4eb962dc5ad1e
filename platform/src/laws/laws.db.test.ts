import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../audit';
import { openDb } from '../infra';
import { fixedClock, isDomainError, type Actor, type Db } from '../kernel';
import { buildLawRegister, isRepealed, levelOf, resolveLaw } from './LawRegister';
import { loadLawRegister } from './loadLawRegister';
import { getLaw, listLaws, putLaw } from './lawOperations';
import { seedLaws } from './seedLaws';

const user = (role: 'legal' | 'window' | 'dept_admin' | 'sysadmin'): Actor => ({
  kind: 'user',
  userId: 0,
  username: `${role}-tester`,
  displayName: '测试',
  role,
  departmentCode: role === 'window' || role === 'dept_admin' ? '114306210061000108' : null,
});
const clock = fixedClock('2026-12-01T02:00:00Z');

const entries = [
  {
    id: 'xingzheng-xuke-fa',
    name: '中华人民共和国行政许可法',
    aliases: ['行政许可法'],
    level: 'law',
    effectiveFrom: '2004-07-01',
    revisedOn: '2019-04-23',
  },
  {
    id: 'getigongshanghu-tiaoli',
    name: '个体工商户条例',
    level: 'adminRegulation',
    repealedOn: '2022-11-01',
    replacedBy: 'cujin-getigongshanghu-fazhan-tiaoli',
  },
  {
    id: 'cujin-getigongshanghu-fazhan-tiaoli',
    name: '促进个体工商户发展条例',
    level: 'adminRegulation',
    effectiveFrom: '2022-11-01',
  },
];

let db: Db;
let file: string;
beforeAll(async () => {
  db = await openDb({});
  file = join(mkdtempSync(join(tmpdir(), 'mf-laws-')), 'laws.json');
  writeFileSync(file, JSON.stringify(entries));
});
afterAll(async () => {
  await db?.close();
});

async function failure(promise: Promise<unknown>): Promise<{ code: string; details: unknown }> {
  try {
    await promise;
  } catch (error) {
    if (isDomainError(error)) return { code: error.code, details: error.details };
    throw error;
  }
  throw new Error('expected a failure');
}

describe('the law register', { shuffle: false }, () => {
  it('seeds the entries the store lacks, and never overwrites an edited one', async () => {
    expect(await seedLaws({ db, clock }, { file })).toEqual(entries.map((entry) => entry.id));
    await putLaw(
      { db, clock },
      { actor: user('legal') },
      { id: 'xingzheng-xuke-fa', body: { ...entries[0], note: '法制科核对' } },
    );
    expect(await seedLaws({ db, clock }, { file })).toEqual([]);
    expect((await getLaw({ db, clock }, { actor: user('window') }, { id: 'xingzheng-xuke-fa' })).entry.note).toBe('法制科核对');
  });

  it('refuses a seed entry that breaks law.schema.json, naming it', async () => {
    const bad = join(mkdtempSync(join(tmpdir(), 'mf-laws-')), 'laws.json');
    writeFileSync(bad, JSON.stringify([{ id: 'X', name: '某法', level: 'law' }]));
    await expect(seedLaws({ db, clock }, { file: bad })).rejects.toThrow(/entry 0/);
  });

  it('searches by name or alias, level and repeal, for staff only', async () => {
    const staff = { actor: user('window') };
    const names = async (search: Parameters<typeof listLaws>[2]) =>
      (await listLaws({ db, clock }, staff, search)).items.map((item) => item.entry.id);
    expect(await names({ q: '行政许可' })).toEqual(['xingzheng-xuke-fa']);
    expect(await names({ q: '个体工商户' })).toEqual(['cujin-getigongshanghu-fazhan-tiaoli', 'getigongshanghu-tiaoli']);
    expect(await names({ level: 'law' })).toEqual(['xingzheng-xuke-fa']);
    expect(await names({ repealed: true })).toEqual(['getigongshanghu-tiaoli']);
    expect(await names({ repealed: false, q: '个体工商户' })).toEqual(['cujin-getigongshanghu-fazhan-tiaoli']);
    const citizen: Actor = { kind: 'anonymous' };
    expect((await failure(listLaws({ db, clock }, { actor: citizen }, {}))).code).toBe('AUTH_REQUIRED');
  });

  it('updates an entry for legal with an audit entry in the same transaction, and refuses others', async () => {
    const legal = { actor: user('legal') };
    const saved = await putLaw({ db, clock }, legal, {
      id: 'cujin-getigongshanghu-fazhan-tiaoli',
      body: { ...entries[2], docNumber: '国务院令第755号' },
    });
    expect(saved).toMatchObject({ updatedBy: 'legal-tester', isRepealed: false, entry: { docNumber: '国务院令第755号' } });
    const audit = await listAudit({ db }, { actor: user('sysadmin') }, { targetType: 'law' });
    expect(audit[0]).toMatchObject({
      action: 'law.update',
      targetId: 'cujin-getigongshanghu-fazhan-tiaoli',
      details: { previous: { id: 'cujin-getigongshanghu-fazhan-tiaoli' } },
    });
    expect((await failure(putLaw({ db, clock }, { actor: user('dept_admin') }, { id: 'x-law', body: entries[0]! }))).code).toBe(
      'FORBIDDEN',
    );
  });

  it('answers field issues for an invalid entry, an unknown replacement, reversed dates and a mismatched id', async () => {
    const legal = { actor: user('legal') };
    const issues = async (id: string, body: Record<string, unknown>) => {
      const { code, details } = await failure(putLaw({ db, clock }, legal, { id, body }));
      expect(code).toBe('LAW_INVALID');
      return (details as { pointer: string; code: string }[]).map((issue) => `${issue.code} ${issue.pointer}`);
    };
    expect(await issues('some-law', { name: '某法' })).toEqual(['schema.required /level']);
    expect(await issues('some-law', { name: '某法', level: 'law', replacedBy: 'nothing-here' })).toEqual([
      'law.replaced_by_unknown /replacedBy',
    ]);
    expect(
      await issues('some-law', { name: '某法', level: 'law', effectiveFrom: '2020-01-01', repealedOn: '2019-01-01' }),
    ).toEqual(['date.range_reversed /repealedOn']);
    expect(await issues('some-law', { id: 'other-law', name: '某法', level: 'law' })).toEqual(['law.id_mismatch /id']);
    expect((await failure(getLaw({ db, clock }, legal, { id: 'some-law' }))).code).toBe('LAW_NOT_FOUND');
  });

  it('resolves a citation by lawId, else by exact name or alias, and tells a repeal by the day', async () => {
    const register = await loadLawRegister(db);
    expect(resolveLaw(register, { lawName: '《中华人民共和国行政许可法》' })?.id).toBe('xingzheng-xuke-fa');
    expect(resolveLaw(register, { lawName: '行政许可法' })?.id).toBe('xingzheng-xuke-fa');
    expect(resolveLaw(register, { lawName: '别的名字', lawId: 'getigongshanghu-tiaoli' })?.id).toBe('getigongshanghu-tiaoli');
    // An id the register does not know is not guessed from the name.
    expect(resolveLaw(register, { lawName: '行政许可法', lawId: 'no-such-law' })).toBeUndefined();
    expect(resolveLaw(register, { lawName: '行政许可法实施办法' })).toBeUndefined();
    expect(levelOf(register, { lawName: '某县规定', level: 'normativeDoc' })).toBe('normativeDoc');
    expect(levelOf(register, { lawName: '行政许可法', level: 'normativeDoc' })).toBe('law');
    const repealed = register.byId.get('getigongshanghu-tiaoli')!;
    expect(isRepealed(repealed, '2022-10-31')).toBe(false);
    expect(isRepealed(repealed, '2022-11-01')).toBe(true);
    // An alias never hides another entry's own name.
    const clash = buildLawRegister([
      { id: 'a-law', name: '甲法', aliases: ['乙法'], level: 'law' },
      { id: 'b-law', name: '乙法', level: 'law' },
    ]);
    expect(resolveLaw(clash, { lawName: '乙法' })?.id).toBe('b-law');
  });
});
