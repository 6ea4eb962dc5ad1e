import type { JsonObject } from '@matterflow/schemas';
import { describe, expect, it } from 'vitest';
import { checkSituations, situationStarts } from './checkSituations';

/** 网吧设立 with 筹建 / 最终审核 and a 容缺 material: clean, then broken one defect at a time. */
function internetCafe(): JsonObject {
  return {
    projectType: '2',
    timeLimits: { statutory: { value: 20, unit: 'workday' }, promised: { value: 12, unit: 'workday' } },
    guideQuestions: [
      {
        id: 'stage',
        title: '申请阶段',
        options: [
          { value: 'prep', title: '申请筹建' },
          { value: 'final', title: '申请最终审核' },
        ],
      },
    ],
    materials: [
      { id: 'application', name: '申请表' },
      { id: 'premisesProof', name: '营业场所产权证明' },
      { id: 'prepApproval', name: '同意筹建的批准文件' },
      { id: 'securityPledge', name: '网络安全承诺书' },
    ],
    situations: [
      { id: 'prep', name: '申请筹建', when: { properties: { stage: { const: 'prep' } }, required: ['stage'] } },
      {
        id: 'final',
        name: '最终审核',
        when: { properties: { stage: { const: 'final' } }, required: ['stage'] },
        condition: { properties: { byAgent: { const: false } } },
        materials: { add: ['prepApproval', 'securityPledge'], waive: ['premisesProof'] },
        timeLimits: { statutory: { value: 15, unit: 'workday' }, promised: { value: 10, unit: 'workday' } },
        flowStart: 'finalAccept',
        commitment: { letterMaterialId: 'securityPledge', verification: { method: '实地核查', period: { value: 20 } } },
      },
    ],
    toleratedAcceptance: { materials: ['premisesProof'], deadline: { value: 5, unit: 'workday' } },
    flow: { start: 'prepAccept', nodes: [{ id: 'prepAccept' }, { id: 'finalAccept' }] },
  };
}

const FORM = new Set(['byAgent']);

function check(mutate: (doc: JsonObject & { situations: JsonObject[] }) => void = () => {}) {
  const doc = internetCafe() as JsonObject & { situations: JsonObject[] };
  mutate(doc);
  return checkSituations({ document: doc, formProperties: FORM });
}

const codes = (issues: { code: string; pointer: string }[]) => issues.map((issue) => `${issue.code} ${issue.pointer}`);

function situation(doc: { situations: JsonObject[] }, index: number): JsonObject {
  const found = doc.situations[index];
  if (!found) throw new Error('fixture changed');
  return found;
}

describe('checkSituations', () => {
  it('is silent on a clean matter and on a matter without situations', () => {
    expect(check()).toEqual([]);
    expect(checkSituations({ document: { materials: [] }, formProperties: undefined })).toEqual([]);
  });

  it('situation.id_duplicate, situation.question_id_duplicate, situation.option_duplicate', () => {
    const issues = check((doc) => {
      situation(doc, 1).id = 'prep';
      const question = (doc.guideQuestions as JsonObject[])[0] as JsonObject;
      (doc.guideQuestions as JsonObject[]).push(structuredClone(question));
      (question.options as JsonObject[]).push({ value: 'prep', title: '再次筹建' });
    });
    expect(codes(issues)).toEqual([
      'situation.question_id_duplicate /guideQuestions/1/id',
      'situation.option_duplicate /guideQuestions/0/options/2/value',
      'situation.id_duplicate /situations/1/id',
    ]);
    expect(issues[2]?.message).toBe('办理情形标识“prep”与第 1 个情形重复');
  });

  it('situation.when_invalid, when_unknown_question, when_unknown_option', () => {
    expect(codes(check((doc) => (situation(doc, 0).when = { type: 'nonsense' })))).toEqual([
      'situation.when_invalid /situations/0/when/type',
    ]);
    const issues = check((doc) => {
      situation(doc, 0).when = { properties: { phase: { const: 'prep' }, stage: { enum: ['prep', 'later'] } } };
    });
    expect(codes(issues)).toEqual([
      'situation.when_unknown_question /situations/0/when/properties/phase',
      'situation.when_unknown_option /situations/0/when/properties/stage/enum/1',
    ]);
    expect(issues[1]?.message).toBe('办理情形“申请筹建”（prep）的引导问题条件中，问题“stage”没有选项“later”');
  });

  it('situation.condition_invalid and situation.condition_unknown_field (the shared condition check)', () => {
    expect(codes(check((doc) => (situation(doc, 1).condition = { properties: { area: { minimum: 1 } } })))).toEqual([
      'situation.condition_unknown_field /situations/1/condition/properties/area',
    ]);
    expect(codes(check((doc) => (situation(doc, 1).condition = { minimum: 'x' })))).toEqual([
      'situation.condition_invalid /situations/1/condition/minimum',
    ]);
  });

  it('situation.material_unknown and situation.material_added_and_waived', () => {
    const issues = check((doc) => {
      situation(doc, 1).materials = { add: ['prepApproval', 'fireApproval', 'premisesProof'], waive: ['premisesProof', 'x'] };
    });
    expect(codes(issues)).toEqual([
      'situation.material_unknown /situations/1/materials/add/1',
      'situation.material_unknown /situations/1/materials/waive/1',
      'situation.material_added_and_waived /situations/1/materials/add/2',
    ]);
  });

  it('situation.flow_start_unknown, commitment_letter_unknown, tolerated_material_unknown', () => {
    const issues = check((doc) => {
      situation(doc, 1).flowStart = 'finalReview';
      situation(doc, 1).commitment = { letterMaterialId: 'pledge', verification: { method: '核查', period: { value: 1 } } };
      doc.commitment = { letterMaterialId: 'matterPledge', verification: { method: '核查', period: { value: 1 } } };
      doc.toleratedAcceptance = { materials: ['application', 'floorPlan'], deadline: { value: 5 } };
    });
    expect(codes(issues)).toEqual([
      'situation.flow_start_unknown /situations/1/flowStart',
      'situation.commitment_letter_unknown /situations/1/commitment/letterMaterialId',
      'situation.commitment_letter_unknown /commitment/letterMaterialId',
      'situation.tolerated_material_unknown /toleratedAcceptance/materials/1',
    ]);
  });

  it('a situation’s own limits: limit.unit_missing and limit.instant_nonzero with the matter’s codes', () => {
    const issues = check((doc) => {
      situation(doc, 1).timeLimits = { statutory: { value: 15 }, promised: { value: 10, unit: 'workday' } };
      situation(doc, 0).projectType = '1';
    });
    expect(codes(issues)).toEqual([
      'limit.instant_nonzero /situations/0/projectType',
      'limit.unit_missing /situations/1/timeLimits/statutory/unit',
    ]);
    expect(issues[0]?.message).toContain('12 个工作日');
  });

  it('situationStarts: each situation with its start and its own promise or the matter’s', () => {
    expect(situationStarts(internetCafe())).toEqual([
      { id: 'prep', name: '申请筹建', flowStart: undefined, pointer: '/situations/0', promised: { value: 12, unit: 'workday' } },
      {
        id: 'final',
        name: '最终审核',
        flowStart: 'finalAccept',
        pointer: '/situations/1',
        promised: { value: 10, unit: 'workday' },
      },
    ]);
  });
});
