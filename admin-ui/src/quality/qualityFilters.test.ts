import { describe, expect, it } from 'vitest';
import type { QualityReport } from '../catalog/catalogTypes';
import { filterFindings, findingTotals, rulesPresent } from './qualityFilters';

const finding = (code: string, rule: string, accepted = false) => ({
  code,
  name: code,
  version: 1,
  rule,
  pointer: '/legalBasis/0',
  message: rule,
  ...(accepted ? { accepted: { reason: '过渡期', byName: '李明华', at: '2026-12-01T00:00:00Z' } } : {}),
});

const report: QualityReport = {
  checkedMatters: 3,
  rules: [
    { rule: 'basis.repealed', title: '依据已废止', severity: 'error', count: 2 },
    { rule: 'basis.article_missing', title: '依据缺少条款号', severity: 'warning', count: 2 },
    { rule: 'online.depth_low', title: '网办深度低', severity: 'info', count: 1 },
    { rule: 'fee.items_missing', title: '标明收费但未列收费项目', severity: 'error', count: 0 },
  ],
  findings: [
    finding('A', 'basis.repealed'),
    finding('B', 'basis.repealed', true),
    finding('A', 'basis.article_missing'),
    finding('C', 'basis.article_missing'),
    finding('C', 'online.depth_low'),
  ],
};

describe('quality report filters', () => {
  it('narrows by rule, severity and matter together', () => {
    expect(filterFindings(report, { rule: 'basis.repealed' }).map((f) => f.code)).toEqual(['A', 'B']);
    expect(filterFindings(report, { severity: 'warning', code: 'C' }).map((f) => f.rule)).toEqual(['basis.article_missing']);
    expect(filterFindings(report, { rule: 'basis.repealed', severity: 'warning' })).toEqual([]);
  });

  it('offers only the rules with findings under the other filters, counted there', () => {
    expect(rulesPresent(report, { code: 'C', rule: 'basis.repealed' }).map((r) => [r.rule, r.count])).toEqual([
      ['basis.article_missing', 1],
      ['online.depth_low', 1],
    ]);
    expect(rulesPresent(report, {}).map((r) => r.rule)).not.toContain('fee.items_missing');
  });

  it('counts the shown findings: accepted ones are not open, info is not a problem of the matter', () => {
    expect(findingTotals(report, filterFindings(report, {}))).toEqual({ withErrors: 1, withFindings: 2, open: 4 });
    expect(findingTotals(report, filterFindings(report, { rule: 'basis.repealed' }))).toEqual({
      withErrors: 1,
      withFindings: 1,
      open: 1,
    });
  });
});
