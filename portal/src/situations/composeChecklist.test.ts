import type { MatterDocument } from '@matterflow/schemas';
import { describe, expect, it } from 'vitest';
import wangbaJson from '../../../schemas/catalog/matters/wlgt/wangba-sheli-shenpi.json';
import lihunJson from '../../../schemas/catalog/matters/mz/lihun-dengji.json';
import foodJson from '../../../schemas/catalog/matters/scjg/shipin-jingying-xuke.json';
import { composeChecklist, marksOf, submissionOf } from './composeChecklist';

const wangba = wangbaJson as unknown as MatterDocument;
const lihun = lihunJson as unknown as MatterDocument;
const food = foodJson as unknown as MatterDocument;
const ids = (checklist: ReturnType<typeof composeChecklist>) => checklist.materials.map((m) => m.material.id);

describe('composeChecklist', () => {
  it('asks for every question before it lists anything as complete', () => {
    const checklist = composeChecklist(wangba, {});
    expect(checklist.isComplete).toBe(false);
    expect(checklist.unanswered).toEqual(['stage']);
  });

  it('lists the base materials for 筹建 and adds the final-review ones for 最终审核', () => {
    const prep = composeChecklist(wangba, { stage: 'prep' });
    const final = composeChecklist(wangba, { stage: 'final' });
    expect(prep.isComplete).toBe(true);
    expect(ids(prep)).toEqual(['application', 'businessLicence', 'articles', 'legalRepId', 'creditProof', 'premisesProof']);
    expect(ids(final)).toEqual([...ids(prep), 'prepApproval', 'securityCommitment', 'fireApproval']);
    // Each stage has its own statutory and promised limits.
    expect(prep.timeLimits?.promised).toMatchObject({ value: 12, unit: 'workday' });
    expect(final.timeLimits?.promised).toMatchObject({ value: 10, unit: 'workday' });
  });

  it('names the form condition it assumes, in the form field’s words', () => {
    const final = composeChecklist(wangba, { stage: 'final' });
    expect(final.situations).toEqual([]);
    expect(final.assumed.map((a) => a.situation.id)).toEqual(['final']);
    expect(final.assumed[0]?.appliesWhen).toContain('最终审核');
  });

  it('applies a situation with no form condition outright, with its visits', () => {
    const register = composeChecklist(lihun, { stage: 'register' });
    expect(register.assumed).toEqual([]);
    expect(register.situations.map((s) => s.id)).toEqual(['register']);
    expect(register.sceneVisits).toBe(
      lihun.situations?.find((s) => s.id === 'register')?.sceneVisits ?? lihun.online?.sceneVisits,
    );
  });

  it('ignores an answer that is not one of the options (a stale or edited URL)', () => {
    const checklist = composeChecklist(wangba, { stage: 'DROP TABLE' });
    expect(checklist.isComplete).toBe(false);
    expect(checklist.assumed).toEqual([]);
  });

  it('gives a matter without questions its whole list at once', () => {
    const checklist = composeChecklist(food, {});
    expect(checklist.isComplete).toBe(true);
    expect(checklist.materials.length).toBeGreaterThan(0);
  });
});

describe('how a material is handed in', () => {
  const base = { addedBy: [], isConditional: false, isTolerated: false };
  it('reads 免提交 for a licence the window fetches, never “原件 0份”', () => {
    expect(submissionOf({ ...base, material: { id: 'a', name: '营业执照', source: '调取电子证照库', copies: 0 } })).toBe(
      '免提交（窗口调取电子证照）',
    );
    expect(submissionOf({ ...base, material: { id: 'b', name: '申请表', type: '原件', copies: 1, format: '纸质' } })).toBe(
      '原件 1份（纸质）',
    );
  });
  it('marks only the exceptions', () => {
    expect(marksOf({ ...base, material: { id: 'a', name: '章程' } })).toEqual([]);
    expect(marksOf({ ...base, isTolerated: true, material: { id: 'a', name: '章程', necessity: '非必要' } })).toEqual([
      '非必要',
      '可容缺后补',
    ]);
  });
});
