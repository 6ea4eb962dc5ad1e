import type { DurationComparison } from './compareDurations';

/**
 * The one wording of why one period can outlast another, for messages to clerks: the start day
 * where it shows and where each period ends, and whether the calendar had to guess. Within one
 * unit the numbers say it all, so nothing is added.
 */
export function describeExcess(
  comparison: DurationComparison,
  labels: { longer: string; shorter: string; isSameUnit: boolean },
): string {
  if (labels.isSameUnit) return '';
  const worst = comparison.worstCase;
  const when = worst
    ? `（如 ${worst.from} 起算：${labels.longer}至 ${worst.aEnds} 届满，${labels.shorter}至 ${worst.bEnds} 届满）`
    : '';
  return `${when}${comparison.provisional ? '；部分年度尚无节假日安排，按周一至周五推算，暂定' : ''}`;
}
