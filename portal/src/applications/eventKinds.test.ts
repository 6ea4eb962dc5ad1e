import { describe, expect, it } from 'vitest';
import { dateText, dateTimeText, eventKind, statusBadge } from './eventKinds';

describe('eventKind / statusBadge', () => {
  it('marks known kinds, in either spelling, and still shows one the case engine adds later', () => {
    expect(eventKind('submitted_on_behalf')).toEqual(eventKind('submittedOnBehalf'));
    expect(eventKind('submitted').tone).toBe('start');
    expect(eventKind('some_future_kind')).toEqual({ mark: '•', tone: 'neutral' });
  });

  it('prefers the platform’s label and keeps a tone', () => {
    expect(statusBadge('submitted', '已提交，待受理')).toEqual({ label: '已提交，待受理', tone: 'start' });
    expect(statusBadge('new_status')).toEqual({ label: 'new_status', tone: 'neutral' });
  });

  it('writes a civil date the Chinese way', () => {
    expect(dateText('2026-12-02')).toBe('2026年12月2日');
  });

  it('gives an instant in Asia/Shanghai, whatever the zone the tests run in', () => {
    // 23:30 UTC is 07:30 the next morning at the centre: the receipt's day and time agree.
    expect(dateTimeText('2026-12-02T23:30:00Z')).toBe('2026年12月3日 07:30');
    expect(dateText('2026-12-02T16:05:00Z')).toBe('2026年12月3日');
  });
});
