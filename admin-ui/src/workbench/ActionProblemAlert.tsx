import { Alert, Button } from 'antd';
import type { ActionProblem } from './useCaseAction';

/**
 * What went wrong with the last case action, as both action panels show it: someone else acted
 * first (reload, then decide again), or the platform refused with its reasons.
 */
export function ActionProblemAlert({
  problem,
  onReload,
  conflictDetail,
}: {
  problem: ActionProblem | null;
  onReload: () => void;
  conflictDetail?: string;
}) {
  if (problem?.kind === 'conflict')
    return (
      <Alert
        type="warning"
        showIcon
        className="page-alert"
        title="已被他人处理，请刷新"
        description={conflictDetail}
        action={
          <Button size="small" onClick={onReload}>
            刷新
          </Button>
        }
      />
    );
  if (problem?.kind === 'refused')
    return (
      <Alert
        type="error"
        showIcon
        className="page-alert"
        title={problem.message}
        description={problem.issues.join('；') || undefined}
      />
    );
  return null;
}
