import { describe, expect, it } from 'vitest';
import { decisionNotice } from './decisionNotice';

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

  it('words a 准予 with its 文号 and result', () => {
    const notice = decisionNotice(application, { decision: decided });
    expect(notice).toMatchObject({ title: '准予行政许可决定书', docNumber: 'JY14399010012345', remedies: [] });
    expect(notice?.paragraphs.join('')).toContain('本机关决定准予行政许可');
    expect(notice?.paragraphs.join('')).toContain('食品经营许可证（编号 JY14399010012345）');
  });

  it("prints the register's 文号 before the chief's number", () => {
    const notice = decisionNotice(application, { decision: { ...decided, documentNumber: '县市监许字〔2026〕7号' } });
    expect(notice?.docNumber).toBe('县市监许字〔2026〕7号');
    expect(notice?.paragraphs.join('')).toContain('（编号 JY14399010012345）');
  });

  it('words a 不予 with its reason and both remedies, and a 文号 from the case number', () => {
    const remedies = { reconsideration: '……六十日内……申请行政复议。', litigation: '……六个月内……提起行政诉讼。' };
    const notice = decisionNotice(application, {
      decision: { ...decided, outcome: 'denied', resultName: null, resultNumber: null, reason: '场所不符合要求', remedies },
    });
    expect(notice?.title).toBe('不予行政许可决定书');
    expect(notice?.docNumber).toBe('云溪县市场监督管理局不许字〔2026〕第200001号');
    expect(notice?.paragraphs[0]).toContain('经审查，场所不符合要求。');
    expect(notice?.remedies).toEqual([remedies.reconsideration, remedies.litigation]);
  });
});
