import type { TimeLimit, TimeUnit } from './Flow';

const UNIT_LABELS: Readonly<Record<TimeUnit, string>> = {
  workday: '个工作日',
  day: '日',
  month: '个月',
};

/** "20 个工作日", "3 个月"; a limit without unit reads as working days, the national default. */
export function formatTimeLimit({ value, unit }: Pick<TimeLimit, 'value' | 'unit'>): string {
  return `${value} ${UNIT_LABELS[unit ?? 'workday']}`;
}
