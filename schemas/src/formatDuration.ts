import type { Duration } from './generated/MatterDocument';

export type DurationUnit = NonNullable<Duration['unit']>;

const UNIT_WORDS: Readonly<Record<DurationUnit, string>> = {
  workday: '个工作日',
  day: '日',
  month: '个月',
};

/**
 * The one wording of a time limit: "20 个工作日", "30 日", "3 个月" on staff screens and in messages;
 * `compact` writes it as printed text and the law do, "20个工作日", "30日" (the guide). A limit
 * without a unit reads as working days, the national default; an unknown unit is printed as it is.
 */
export function formatDuration(
  { value, unit }: { value: number; unit?: string | undefined },
  { compact = false }: { compact?: boolean } = {},
): string {
  return `${value}${compact ? '' : ' '}${UNIT_WORDS[(unit ?? 'workday') as DurationUnit] ?? unit}`;
}
