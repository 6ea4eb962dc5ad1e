import { ApiError, shanghaiDate } from '@matterflow/schemas';
import { describe, expect, it } from 'vitest';
import {
  actionsFor,
  canStartVersion,
  defaultComparison,
  editorLink,
  isRetiring,
  isScheduled,
  linesBySection,
  refusalsOf,
  versionInForce,
} from './versionRules';
import type { VersionSummary } from './versionTypes';

const TODAY = '2026-12-02';
const version = (
  n: number,
  status: string,
  effectiveFrom: string | null = null,
  cancelAt: string | null = null,
): VersionSummary => ({
  code: 'C',
  version: n,
  status,
  revision: 1,
  name: '食品经营许可',
  type: '01',
  departmentCode: 'D',
  effectiveFrom,
  cancelAt,
  reviewComments: [],
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  submittedAt: null,
  publishedAt: null,
});

describe('versionInForce and defaultComparison', () => {
  const history = [version(1, 'superseded', '2026-01-01'), version(2, 'published', '2026-06-01'), version(3, 'draft')];

  it('finds the published version whose day has come, not a scheduled or cancelled one', () => {
    expect(versionInForce(history, TODAY)?.version).toBe(2);
    expect(versionInForce([...history, version(4, 'published', '2027-01-01')], TODAY)?.version).toBe(2);
    expect(versionInForce([version(1, 'published', '2026-01-01', '2026-12-01')], TODAY)).toBeUndefined();
    expect(versionInForce([version(1, 'published', '2026-01-01', '2026-12-03')], TODAY)?.version).toBe(1);
  });

  it('compares the newest with the one in force, or with the one before when the newest is in force', () => {
    expect(defaultComparison(history, TODAY)).toEqual({ from: 2, to: 3 });
    expect(defaultComparison(history.slice(0, 2), TODAY)).toEqual({ from: 1, to: 2 });
    expect(defaultComparison([version(1, 'draft')], TODAY)).toBeUndefined();
    // Nothing in force (a first version in review after a retirement): the one before.
    expect(defaultComparison([version(1, 'retired', '2026-01-01'), version(2, 'in_review')], TODAY)).toEqual({ from: 1, to: 2 });
  });
});

describe('what a role may do', () => {
  it('offers each role only the moves the platform allows on that version', () => {
    expect(actionsFor('dept_admin', version(3, 'draft'), TODAY)).toEqual(['edit', 'submit']);
    expect(actionsFor('dept_admin', version(3, 'in_review'), TODAY)).toEqual(['withdraw']);
    expect(actionsFor('legal', version(3, 'in_review'), TODAY)).toEqual(['review', 'withdraw']);
    expect(actionsFor('legal', version(3, 'published', '2027-01-05'), TODAY)).toEqual(['unschedule', 'reschedule']);
    expect(actionsFor('dept_admin', version(3, 'published', '2027-01-05'), TODAY)).toEqual([]);
    expect(actionsFor('legal', version(2, 'published', '2026-06-01'), TODAY)).toEqual([]);
    expect(actionsFor('supervisor', version(3, 'draft'), TODAY)).toEqual([]);
    expect(isScheduled(version(2, 'published', TODAY), TODAY)).toBe(false);
  });

  it('tells a version retired from a later day from one retired already', () => {
    expect(isRetiring(version(1, 'published', '2026-01-01', '2027-01-01'), TODAY)).toBe(true);
    expect(isRetiring(version(1, 'published', '2026-01-01', TODAY), TODAY)).toBe(false);
    expect(isRetiring(version(1, 'retired', '2026-01-01', '2026-06-01'), TODAY)).toBe(false);
    expect(isRetiring(version(1, 'published', '2026-01-01'), TODAY)).toBe(false);
  });

  it('starts a new version only from a published one, with nothing open or scheduled', () => {
    const published = [version(1, 'published', '2026-01-01')];
    expect(canStartVersion('dept_admin', published, TODAY)).toBe(true);
    expect(canStartVersion('supervisor', published, TODAY)).toBe(false);
    expect(canStartVersion('legal', [...published, version(2, 'in_review')], TODAY)).toBe(false);
    expect(canStartVersion('legal', [...published, version(2, 'published', '2027-02-01')], TODAY)).toBe(false);
    expect(canStartVersion('legal', [version(1, 'draft')], TODAY)).toBe(false);
  });
});

describe('refusalsOf', () => {
  it('lists the publish checks and the quality findings, each with its field', () => {
    const checks = new ApiError(422, 'PUBLISH_BLOCKED', '不能发布', [
      { pointer: '/flow/nodes/1', code: 'flow.budget_exceeds_promise', message: '超过' },
    ]);
    expect(refusalsOf(checks)).toEqual([{ pointer: '/flow/nodes/1', code: 'flow.budget_exceeds_promise', message: '超过' }]);
    const quality = new ApiError(422, 'QUALITY_BLOCKED', '有错误', [], {
      findings: [{ rule: 'basis.repealed', pointer: '/legalBasis/1', message: '已废止' }, { nonsense: true }],
    });
    expect(refusalsOf(quality)).toEqual([{ pointer: '/legalBasis/1', code: 'basis.repealed', message: '已废止' }]);
    expect(refusalsOf(new ApiError(409, 'TRANSITION_NOT_ALLOWED', '不允许', [], { scheduledVersion: 4 }))).toEqual([]);
    expect(refusalsOf(new Error('x'))).toEqual([]);
  });

  it('links to the editor at the field', () => {
    expect(editorLink('C', 3, '/materials/0/name')).toBe('/matters/C/versions/3/edit?pointer=%2Fmaterials%2F0%2Fname');
    expect(editorLink('C', 3)).toBe('/matters/C/versions/3/edit');
  });
});

describe('linesBySection', () => {
  it('files the lines under the editor’s sections in its order', () => {
    const groups = linesBySection([
      { section: '时限', pointer: '/timeLimits/promised', text: '承诺时限 由 6 个工作日 改为 5 个工作日' },
      { section: '申请材料', pointer: '/materials/8', text: '申请材料 新增：《从业人员健康证明》' },
      { section: '时限', pointer: '/timeLimits/statutory', text: '法定时限 …' },
    ]);
    expect(groups.map((group) => [group.section, group.lines.length])).toEqual([
      ['申请材料', 1],
      ['时限', 2],
    ]);
  });
});

describe('shanghaiDate', () => {
  it('is the date in Asia/Shanghai, a day ahead of UTC in its evening', () => {
    expect(shanghaiDate(new Date('2026-12-02T15:59:00Z'))).toBe('2026-12-02');
    expect(shanghaiDate(new Date('2026-12-02T16:00:00Z'))).toBe('2026-12-03');
  });
});
