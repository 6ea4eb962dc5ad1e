import { describe, expect, it } from 'vitest';
import { actionLabel, detailLines, targetLabel } from './auditWords';

describe('audit entries in words', () => {
  it('names actions and targets, and keeps codes it does not know', () => {
    expect(actionLabel('user.create')).toBe('新建账号');
    expect(actionLabel('future.thing')).toBe('future.thing');
    expect(targetLabel('user')).toBe('账号');
  });

  it('says changes field by field and leaves nested details to the JSON', () => {
    expect(
      detailLines({
        username: 'zhang_san',
        changes: { displayName: { from: '张三', to: '张三丰' }, isDisabled: { from: false, to: true } },
        sessionsEnded: 2,
        nested: { a: { b: 1 } },
      }),
    ).toEqual(['用户名：zhang_san', '姓名：张三 → 张三丰', '停用：否 → 是', '结束的会话：2']);
    expect(detailLines({ holidays: ['2026-12-07'], workdays: [], source: '云政办〔2026〕1号' })).toEqual([
      '法定节假日：2026-12-07',
      '调休上班日：无',
      '通知文号：云政办〔2026〕1号',
    ]);
    expect(detailLines(null)).toEqual([]);
    expect(detailLines(['a'])).toEqual([]);
  });
});
