import { compareDurations, type DurationComparison } from '../calendar/compareDurations';
import { WorkCalendar } from '../calendar/WorkCalendar';
import type { PeriodUnit } from '../calendar/CalendarYear';
import type { FlowGraph } from './flowGraph';
import { longestPath, type WeightedPath } from './longestPath';

/** No calendar given: plain weeks, which compareDurations marks provisional. */
const PLAIN_WEEKS = new WorkCalendar([]);

export interface BudgetAgainstPromise {
  longest: WeightedPath;
  promised: { value: number; unit: PeriodUnit };
  comparison: DurationComparison;
}

/**
 * Σ step budgets on the longest path from `start` against a promise, compared on the calendar's
 * worst case when the promise is in 自然日 or 月 (budgets are working days). The one rule the
 * publish checks and the flow editor's live total both use; undefined without a promise or a path
 * to `end`.
 */
export function budgetAgainstPromise({
  graph,
  start,
  promised,
  calendar = PLAIN_WEEKS,
}: {
  graph: FlowGraph;
  start: string;
  promised: { value: number; unit?: PeriodUnit } | undefined;
  calendar?: WorkCalendar;
}): BudgetAgainstPromise | undefined {
  if (promised === undefined || !graph.has(start)) return undefined;
  const longest = longestPath({ graph, start });
  if (!longest) return undefined;
  const promise = { value: promised.value, unit: promised.unit ?? 'workday' };
  const comparison = compareDurations({ value: longest.total, unit: 'workday' }, promise, calendar);
  return { longest, promised: promise, comparison };
}
