import {
  budgetAgainstPromise,
  buildFlowGraph,
  describeExcess,
  formatDuration,
  longestPath,
  type Flow,
  type WorkCalendar,
} from '@matterflow/schemas';

export interface BudgetLine {
  /** “流程合计 8 个工作日 / 承诺 10 个工作日”. */
  text: string;
  /** The longest path's budgets can outlast the promise. */
  isOver: boolean;
  /** Why, when the promise is not in working days: the worst start day, or that the calendar guessed. */
  detail: string | undefined;
  /** Node ids on the longest path, for marking it on the graph. */
  path: string[];
}

/**
 * The flow's budget against the matter's 承诺办结时限, by the rule publishing applies
 * (budgetAgainstPromise): undefined while no path reaches 办结 (a loop, an unknown start).
 */
export function budgetLine({
  flow,
  promised,
  calendar,
}: {
  flow: Flow;
  promised: { value: number; unit?: 'workday' | 'day' | 'month' } | undefined;
  calendar?: WorkCalendar;
}): BudgetLine | undefined {
  const graph = buildFlowGraph({ flow, prefix: '/flow' });
  if (promised === undefined) {
    const total = longestPath({ graph, start: flow.start });
    return (
      total && { text: `流程合计 ${total.total} 个工作日 / 未填写承诺时限`, isOver: false, detail: undefined, path: total.path }
    );
  }
  const budget = budgetAgainstPromise({ graph, start: flow.start, promised, ...(calendar ? { calendar } : {}) });
  if (!budget) return undefined;
  const { longest, comparison } = budget;
  const isSameUnit = budget.promised.unit === 'workday';
  const excess = describeExcess(comparison, { longer: '环节时限', shorter: '承诺时限', isSameUnit });
  const detail = excess.replace(/^；/, '') || undefined;
  return {
    text: `流程合计 ${longest.total} 个工作日 / 承诺 ${formatDuration(budget.promised)}`,
    isOver: comparison.exceeds,
    detail,
    path: longest.path,
  };
}
