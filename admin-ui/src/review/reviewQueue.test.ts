import { describe, expect, it } from 'vitest';
import { inQueueOrder, type QueueRow } from './reviewQueue';

const row = (code: string, submittedAt: string | null): QueueRow => ({
  code,
  version: 2,
  status: 'in_review',
  name: code,
  type: '01',
  departmentCode: 'D',
  departmentName: '部门',
  levels: [],
  effectiveFrom: null,
  cancelAt: null,
  updatedAt: '2026-12-01T00:00:00Z',
  projectType: null,
  submittedAt,
});

describe('inQueueOrder', () => {
  it('puts the longest wait first and a version without a time last', () => {
    const ordered = inQueueOrder([row('B', '2026-12-02T01:00:00Z'), row('C', null), row('A', '2026-11-30T09:00:00Z')]);
    expect(ordered.map((r) => r.code)).toEqual(['A', 'B', 'C']);
  });
});
