import { decisionWords } from '@matterflow/schemas';
import { describe, expect, it } from 'vitest';
import { decisionNotice } from './decisionNotice';

// The wording itself is decisionWords' (schemas/src/cases/decisionWords.test.ts): here, what the
// applicant's reads give it.
const application = {
  number: '11439901006010015W00013102400012026120200001',
  matterName: '食品经营许可',
  departmentName: '云溪县市场监督管理局',
  applicant: { name: '李明', idNumberMasked: '4399**********1280' },
  receivedOn: '2026-12-02',
};
const decided = {
  outcome: 'approved' as const,
  resultName: '食品经营许可证',
  resultNumber: 'JY14399010012345',
  documentNumber: null,
  reason: null,
  remedies: null,
  decidedOn: '2026-12-09',
};

describe('decisionNotice', () => {
  it('is nothing before a decision', () => {
    expect(decisionNotice(application, { decision: null })).toBeUndefined();
  });

  it("is the window's wording of the application and the decision", () => {
    const notice = decisionNotice(application, { decision: { ...decided, documentNumber: '县市监许字〔2026〕7号' } });
    expect(notice).toEqual({
      issuer: '云溪县市场监督管理局',
      caseNumber: application.number,
      matterName: '食品经营许可',
      applicantName: '李明',
      decidedOn: '2026-12-09',
      ...decisionWords({
        issuer: '云溪县市场监督管理局',
        caseNumber: application.number,
        matterName: '食品经营许可',
        applicantName: '李明',
        receivedOn: '2026-12-02',
        decision: { ...decided, documentNumber: '县市监许字〔2026〕7号' },
      }),
    });
    expect(notice?.docNumber).toBe('县市监许字〔2026〕7号');
    expect(notice?.paragraphs[0]).toMatch(/^李明：\n你（单位）于2026年12月2日提出的食品经营许可申请/);
  });

  it("prints a 不予 with the remedies it stated, numbered from the case under the centre's name when the department has none", () => {
    const remedies = { reconsideration: '……六十日内……申请行政复议。', litigation: '……六个月内……提起行政诉讼。' };
    const { departmentName: _, ...withoutDepartment } = application;
    const notice = decisionNotice(withoutDepartment, {
      decision: { ...decided, outcome: 'denied', resultName: null, resultNumber: null, reason: '场所不符合要求', remedies },
    });
    expect(notice?.title).toBe('不予行政许可决定书');
    expect(notice?.issuer).toBe('云溪县人民政府政务服务中心');
    expect(notice?.docNumber).toBe('云溪县人民政府政务服务中心不许字〔2026〕第200001号');
    expect(notice?.remedies).toEqual([remedies.reconsideration, remedies.litigation]);
  });
});
