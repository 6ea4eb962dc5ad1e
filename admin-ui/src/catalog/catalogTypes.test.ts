import { describe, expect, it } from 'vitest';
import { findingCounts, type QualityReport } from './catalogTypes';

const report: QualityReport = {
  checkedMatters: 2,
  rules: [
    { rule: 'a', title: 'A', severity: 'error', count: 2 },
    { rule: 'b', title: 'B', severity: 'warning', count: 1 },
    { rule: 'c', title: 'C', severity: 'info', count: 1 },
  ],
  findings: [
    { code: 'X', name: 'x', version: 1, rule: 'a', pointer: '/name', message: 'm' },
    { code: 'X', name: 'x', version: 1, rule: 'b', pointer: '/name', message: 'm' },
    { code: 'X', name: 'x', version: 1, rule: 'c', pointer: '/name', message: 'm' },
    {
      code: 'Y',
      name: 'y',
      version: 1,
      rule: 'a',
      pointer: '/name',
      message: 'm',
      accepted: { reason: 'r', byName: 'n', at: '2026-01-01T00:00:00Z' },
    },
  ],
};

describe('findingCounts', () => {
  it('counts open errors and warnings per matter, not accepted risks or hints', () => {
    const counts = findingCounts(report);
    expect(counts.get('X')).toEqual({ error: 1, warning: 1 });
    expect(counts.has('Y')).toBe(false);
  });
});
