import { describe, expect, it } from 'vitest';
import { dateText, eventKind, statusBadge } from './eventKinds';

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
});
