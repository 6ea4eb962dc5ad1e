import { Alert } from 'antd';
import type { BudgetLine } from './budgetLine';

/** The budget against the promise, live: a warning, with the longest path marked on the graph, when over. */
export function FlowBudgetBar({ budget }: { budget: BudgetLine | undefined }) {
  if (!budget) return <Alert type="info" showIcon title="流程没有通往办结的路径，暂无法合计环节时限" className="flow-budget" />;
  return (
    <Alert
      type={budget.isOver ? 'warning' : 'success'}
      showIcon
      role="status"
      className="flow-budget"
      title={budget.isOver ? `${budget.text}：超过承诺时限` : budget.text}
      description={
        [budget.isOver ? '最长路径已在图中标出，请压缩其中环节的时限。' : '', budget.detail ?? ''].filter(Boolean).join('') ||
        undefined
      }
    />
  );
}
