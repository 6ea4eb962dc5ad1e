import { describe, expect, it } from 'vitest';
import type { ProgressEvent } from './caseApi';
import { timelineEntries, timelineEntry } from './timelineWords';

const event = (type: string, detail: ProgressEvent['detail'] = {}, title = type): ProgressEvent => ({
  at: '2026-12-02T02:00:00.000Z',
  type,
  title,
  detail,
});

describe('the timeline in the applicant’s words', () => {
  it('lists a 补正 notice’s items with their reasons, and flags a second notice', () => {
    const asked = timelineEntry(
      event('case_supplement_requested', { noticeNumber: 1, items: [{ name: '经营场所', reason: '地址不一致' }] }),
    );
    expect(asked).toMatchObject({ title: '窗口请您补正材料', lines: ['需要补正：', '经营场所：地址不一致'], tone: 'attention' });
    expect(timelineEntry(event('case_supplement_requested', { noticeNumber: 2, items: [] })).title).toBe('窗口再次请您补正材料');
  });

  it('says why an application was refused and where to go instead (不推诿)', () => {
    const refused = timelineEntry(
      event('case_refused', { reason: '不属于本机关职权范围：市级办理', competentBody: '云溪市市场监督管理局' }),
    );
    expect(refused.lines).toEqual(['理由：不属于本机关职权范围：市级办理', '请向 云溪市市场监督管理局 申请']);
    expect(refused.tone).toBe('stop');
  });

  it('shows a kind it has no words for by the platform’s title, or neutrally when there is none', () => {
    expect(timelineEntry(event('case_paused', {}, '特别程序：公示'))).toMatchObject({
      title: '特别程序：公示',
      lines: [],
      tone: 'neutral',
    });
    expect(timelineEntry(event('something_new'))).toMatchObject({ title: '办件有新的办理进展', tone: 'neutral' });
  });

  it('puts the newest first and leaves the back office’s bookkeeping out', () => {
    const entries = timelineEntries([
      event('submitted'),
      event('case_accepted', { due: '2026-12-10' }),
      event('task_claimed'),
      event('task_approved', { stepName: '材料审查' }),
    ]);
    expect(entries.map((entry) => entry.title)).toEqual(['“材料审查”已完成', '窗口已受理您的申请', '您已提交申请']);
    expect(entries[1]?.lines).toEqual(['预计 2026年12月10日前办结']);
  });
});
