import { describe, expect, it } from 'vitest';
import { chineseDate } from './chineseDate';

describe('chineseDate', () => {
  it('words a civil date without leading zeros', () => {
    expect(chineseDate('2026-12-02')).toBe('2026年12月2日');
  });

  it("words an instant on the centre's day, not UTC's", () => {
    expect(chineseDate('2026-12-02T17:30:00Z')).toBe('2026年12月3日');
  });

  it('shows what it cannot read as given', () => {
    expect(chineseDate('下周')).toBe('下周');
  });
});
