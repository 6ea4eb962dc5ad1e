import { describe, expect, it } from 'vitest';
import { decisionTitle, decisionWords, type DecisionFacts } from './decisionWords';

const approved: DecisionFacts = {
  issuer: '云溪县市场监督管理局',
  applicantName: '李明',
  matterName: '食品经营许可',
  caseNumber: '11439901006010015W00013102400012026120200001',
  receivedOn: '2026-12-02',
  decision: {
    outcome: 'approved',
    decidedOn: '2026-12-09',
    reason: null,
    resultName: '食品经营许可证',
    resultNumber: 'JY14399010012345',
    documentNumber: null,
    remedies: null,
  },
};
const denied = (over: Partial<DecisionFacts['decision']> = {}): DecisionFacts => ({
  ...approved,
  decision: { ...approved.decision, outcome: 'denied', resultName: null, resultNumber: null, reason: '场所不符合要求', ...over },
});

describe('decisionWords', () => {
  it('names the decision by its outcome', () => {
    expect(decisionTitle('approved')).toBe('准予行政许可决定书');
    expect(decisionTitle('denied')).toBe('不予行政许可决定书');
  });

  it('words a 准予 under 第三十八条第一款 with its result and no remedies', () => {
    const words = decisionWords(approved);
    expect(words).toMatchObject({ title: '准予行政许可决定书', docNumber: 'JY14399010012345', remedies: [] });
    expect(words.paragraphs[0]).toBe(
      '李明：\n你（单位）于2026年12月2日提出的食品经营许可申请（办件编号 11439901006010015W00013102400012026120200001），经审查，符合法定条件、标准。根据《中华人民共和国行政许可法》第三十八条第一款的规定，本机关决定准予行政许可。',
    );
    expect(words.paragraphs[1]).toBe('准予许可的结果：食品经营许可证（编号 JY14399010012345）。');
  });

  it("prints the register's 文号 before the chief's number, and a dash for a result without a name", () => {
    const words = decisionWords({
      ...approved,
      decision: { ...approved.decision, documentNumber: '县市监许字〔2026〕7号', resultName: null },
    });
    expect(words.docNumber).toBe('县市监许字〔2026〕7号');
    expect(words.paragraphs[1]).toBe('准予许可的结果：—（编号 JY14399010012345）。');
  });

  it('makes a 文号 from the case number under the short name, else the full name, when there is none', () => {
    expect(decisionWords(denied()).docNumber).toBe('云溪县市场监督管理局不许字〔2026〕第200001号');
    expect(decisionWords({ ...denied(), shortName: '县市监' }).docNumber).toBe('县市监不许字〔2026〕第200001号');
  });

  it('words a 不予 under 第三十八条第二款 with its reason and the remedies it stated', () => {
    const remedies = { reconsideration: '……六十日内……申请行政复议。', litigation: '……六个月内……提起行政诉讼。' };
    const words = decisionWords(denied({ remedies }));
    expect(words.title).toBe('不予行政许可决定书');
    expect(words.paragraphs).toHaveLength(1);
    expect(words.paragraphs[0]).toContain('经审查，场所不符合要求。');
    expect(words.paragraphs[0]).toContain('第三十八条第二款');
    expect(words.remedies).toEqual([remedies.reconsideration, remedies.litigation]);
  });

  it("words the matter's remedies for a 不予 that stored none, the law's bodies where it names none", () => {
    const bodies = { reconsideration: { body: '云溪县人民政府' }, litigation: { body: '云溪县人民法院' } };
    expect(decisionWords({ ...denied({ reason: null }), remedyBodies: bodies }).remedies.join('')).toMatch(
      /六十日内向云溪县人民政府申请行政复议.*六个月内向云溪县人民法院提起行政诉讼/,
    );
    const general = decisionWords(denied({ reason: null }));
    expect(general.paragraphs[0]).toContain('经审查，不符合法定条件、标准。');
    expect(general.remedies.join('')).toContain('向有管辖权的人民法院提起行政诉讼');
  });
});
