import { chineseDate } from '@matterflow/schemas';
import type { ClockLevel } from './caseTypes';
import type { TONES } from '../components/StatusTag';

/** An instant in Asia/Shanghai, whatever the browser's zone: the day a clerk acted is the centre's day. */
export function shanghaiDateOf(instant: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(instant));
}

export function shanghaiDateTime(instant: string): string {
  const parts = new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(instant));
  return `${chineseDate(shanghaiDateOf(instant))} ${parts}`;
}

// 2026-12-02 → 2026年12月2日, the portal's rule too: notices and the clock speak in civil dates.
export { chineseDate, REFUSAL_REASONS, type RefusalReason } from '@matterflow/schemas';

export const LEVEL_WORDS: Record<ClockLevel, string> = { normal: '正常', yellow: '预警', red: '今日到期', overdue: '超期' };
export const LEVEL_TONES: Record<ClockLevel, keyof typeof TONES> = {
  normal: 'success',
  yellow: 'warning',
  red: 'error',
  overdue: 'error',
};

/** The tag's words: the working days left, or what the level means when none are. */
export function daysLeftWords(workdaysLeft: number | null, level: ClockLevel): string {
  if (workdaysLeft === null) return level === 'overdue' ? '已超期' : '—';
  if (level === 'overdue' || workdaysLeft < 0) return `超期 ${Math.abs(workdaysLeft)} 个工作日`;
  if (workdaysLeft === 0) return '今日到期';
  return `剩余 ${workdaysLeft} 个工作日`;
}

/**
 * A fresh key per submit: a retry of the same request (a lost answer) reuses it, a new submit does
 * not. From getRandomValues, which works on plain http too (randomUUID needs a secure context).
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `wb-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
