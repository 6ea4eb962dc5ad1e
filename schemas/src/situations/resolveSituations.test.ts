import { describe, expect, it } from 'vitest';
import { describeSituation } from './describeSituation';
import { requirementsFor } from './requirementsFor';
import { resolveSituations } from './resolveSituations';
import { fireSafety, internetCafe } from './situations.fixture';
import { whenMentions } from './whenMentions';

const ids = (list: readonly { material: { id: string } }[]) => list.map((entry) => entry.material.id);

describe('resolveSituations: 网吧 筹建 / 最终审核', () => {
  it('筹建: the base materials, the situation’s own limits and visits', () => {
    const result = resolveSituations(internetCafe(), { stage: 'prep' });
    expect(result.situations.map((s) => s.id)).toEqual(['prep']);
    expect(ids(result.materials)).toEqual(['application', 'businessLicence', 'premisesProof', 'agentAuthorisation']);
    expect(result.timeLimits?.statutory).toEqual({ value: 20, unit: 'workday', anchor: 'received' });
    expect(result.sceneVisits).toBe(1);
    expect(result.flowStart).toBe('prepAccept');
    expect(result.from).toEqual({ timeLimits: 'prep', sceneVisits: 'prep' });
  });

  it('最终审核: adds its materials, waives the premises proof, starts at its own node, 15 个工作日', () => {
    const result = resolveSituations(internetCafe(), { stage: 'final' });
    expect(ids(result.materials)).toEqual([
      'application',
      'businessLicence',
      'agentAuthorisation',
      'prepApproval',
      'securityPledge',
    ]);
    expect(result.materials.find((m) => m.material.id === 'prepApproval')?.addedBy).toEqual(['final']);
    expect(ids(result.waived)).toEqual(['premisesProof']);
    expect(result.waived[0]?.waivedBy).toEqual(['final']);
    expect(result.timeLimits?.statutory?.value).toBe(15);
    expect(result.timeLimits?.promised?.value).toBe(10);
    expect({ visits: result.sceneVisits, reason: result.sceneVisitsReason }).toEqual({
      visits: 2,
      reason: '实地检查时经营者须在场',
    });
    expect(result.flowStart).toBe('finalAccept');
    expect(result.conflicts).toEqual([]);
  });

  it('no answer yet: no situation applies, situation-only materials are left out, the matter’s own limits', () => {
    const result = resolveSituations(internetCafe(), {});
    expect(result.situations).toEqual([]);
    expect(ids(result.materials)).not.toContain('prepApproval');
    expect(result.timeLimits?.promised?.value).toBe(12);
    expect(result.sceneVisits).toBe(1);
    expect(result.from).toEqual({});
  });

  it('a material’s own form condition: conditional without form data, applied with it', () => {
    const withoutData = resolveSituations(internetCafe(), { stage: 'prep' });
    expect(withoutData.materials.find((m) => m.material.id === 'agentAuthorisation')?.isConditional).toBe(true);
    const byAgent = resolveSituations(internetCafe(), { stage: 'prep' }, { byAgent: true });
    expect(byAgent.materials.find((m) => m.material.id === 'agentAuthorisation')?.isConditional).toBe(false);
    const inPerson = resolveSituations(internetCafe(), { stage: 'prep' }, { byAgent: false });
    expect(ids(inPerson.materials)).not.toContain('agentAuthorisation');
    expect(inPerson.notApplicable.map((m) => m.id)).toEqual(['agentAuthorisation']);
  });

  it('an answer no option has applies no situation (a situation’s when is JSON Schema, strictly)', () => {
    expect(resolveSituations(internetCafe(), { stage: 'both' }).situations).toEqual([]);
  });
});

describe('resolveSituations: 消防 告知承诺', () => {
  it('告知承诺: the pledge letter, 即办件 promising 0 under the matter’s statute, the commitment and its 核查', () => {
    const result = resolveSituations(fireSafety(), { route: 'pledge' }, { hasCentralAir: false });
    expect(result.situations.map((s) => s.id)).toEqual(['pledge']);
    expect(ids(result.materials)).toEqual(['application', 'pledgeLetter', 'floorPlan']);
    expect(result.projectType).toBe('1');
    // Only the promise is the situation's; the statutory limit stays the matter's.
    expect(result.timeLimits).toEqual({
      statutory: { value: 10, unit: 'workday' },
      promised: { value: 0, unit: 'workday' },
    });
    expect(result.commitment?.letterMaterialId).toBe('pledgeLetter');
    expect(result.commitment?.verification.period).toEqual({ value: 20, unit: 'workday' });
    expect(result.flowStart).toBe('pledgeAccept');
  });

  it('检查: no pledge letter, two visits with the reason, 容缺后补 marked from 容缺受理', () => {
    const result = resolveSituations(fireSafety(), { route: 'inspect' }, { hasCentralAir: false });
    expect(ids(result.materials)).toEqual(['application', 'floorPlan']);
    expect(result.materials.find((m) => m.material.id === 'floorPlan')?.isTolerated).toBe(true);
    expect(result.commitment).toBeUndefined();
    expect(result.sceneVisits).toBe(2);
    expect(result.flowStart).toBe('accept');
  });

  it('a situation decided by the form is undetermined until the form data is there', () => {
    const before = resolveSituations(fireSafety(), { route: 'inspect' });
    expect(before.undetermined.map((s) => s.id)).toEqual(['centralAir']);
    expect(ids(before.materials)).not.toContain('airReport');
    const after = resolveSituations(fireSafety(), { route: 'inspect' }, { hasCentralAir: true });
    expect(after.situations.map((s) => s.id)).toEqual(['inspect', 'centralAir']);
    expect(after.undetermined).toEqual([]);
    expect(ids(after.materials)).toContain('airReport');
  });

  it('two situations setting one element differently: the first wins and the conflict is named', () => {
    const document = fireSafety();
    const [pledge, inspect] = document.situations ?? [];
    if (!pledge || !inspect) throw new Error('fixture changed');
    const result = requirementsFor(document, [pledge, { ...inspect, projectType: '2' }]);
    expect(result.projectType).toBe('1');
    expect(result.conflicts).toContainEqual({ element: 'projectType', situations: ['pledge', 'inspect'] });
  });

  it('fee lines follow the form data when it is given', () => {
    const document = {
      ...fireSafety(),
      fees: {
        isFee: true,
        items: [
          { name: '工本费', standard: '10 元' },
          { name: '加急费', standard: '20 元', condition: { properties: { urgent: { const: true } }, required: ['urgent'] } },
        ],
      },
    };
    expect(resolveSituations(document, {}).fees?.items).toHaveLength(2);
    expect(resolveSituations(document, {}, { urgent: false }).fees?.items?.map((i) => i.name)).toEqual(['工本费']);
  });
});

describe('describeSituation and whenMentions', () => {
  it('says when a situation applies by question and option titles, and by form field titles', () => {
    const cafe = internetCafe();
    const final = cafe.situations?.[1];
    const air = fireSafety().situations?.[2];
    if (!final || !air) throw new Error('fixture changed');
    expect(describeSituation(final, cafe)).toBe('申请阶段：筹建完成，申请最终审核');
    expect(describeSituation(air, fireSafety())).toBe('设有集中空调为是');
    expect(describeSituation({ id: 'x', name: '其他' }, cafe)).toBe('');
    // Both: the answer, then what the form will hold — not a second question.
    const both = { ...final, condition: { properties: { byAgent: { const: true } }, required: ['byAgent'] } };
    expect(describeSituation(both, cafe)).toBe('申请阶段：筹建完成，申请最终审核，申请表中委托代理人办理为是');
  });

  it('lists the questions and option values a when names, with pointers', () => {
    const when = {
      anyOf: [{ properties: { stage: { enum: ['prep', 'final'] } } }, { not: { properties: { route: { const: 'x' } } } }],
      required: ['stage'],
    };
    expect(whenMentions(when, '/situations/0/when')).toEqual([
      { questionId: 'stage', pointer: '/situations/0/when/required/0', values: [] },
      {
        questionId: 'stage',
        pointer: '/situations/0/when/anyOf/0/properties/stage',
        values: [
          { value: 'prep', pointer: '/situations/0/when/anyOf/0/properties/stage/enum/0' },
          { value: 'final', pointer: '/situations/0/when/anyOf/0/properties/stage/enum/1' },
        ],
      },
      {
        questionId: 'route',
        pointer: '/situations/0/when/anyOf/1/not/properties/route',
        values: [{ value: 'x', pointer: '/situations/0/when/anyOf/1/not/properties/route/const' }],
      },
    ]);
  });
});

describe('describeSituation wording', () => {
  it('drops a question’s question mark, joins options with 或, and words other shapes with describeCondition', () => {
    const document = {
      guideQuestions: [
        {
          id: 'route',
          title: '您选择哪种方式办理？',
          options: [
            { value: 'pledge', title: '告知承诺' },
            { value: 'inspect', title: '现场检查' },
          ],
        },
      ],
    };
    expect(
      describeSituation({ id: 'a', name: '甲', when: { properties: { route: { enum: ['pledge', 'inspect'] } } } }, document),
    ).toBe('您选择哪种方式办理：告知承诺或现场检查');
    expect(
      describeSituation({ id: 'b', name: '乙', when: { not: { properties: { route: { const: 'pledge' } } } } }, document),
    ).toBe('非“您选择哪种方式办理为“告知承诺””的情形');
  });
});
