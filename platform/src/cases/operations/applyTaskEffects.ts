import type { WorkCalendar } from '@matterflow/schemas';
import type { FlowEffect, FlowState } from '../../flows';
import type { Queryable } from '../../kernel';
import { deriveStepClock, type ClockPause } from '../clock';
import { closeTaskRow, insertTask, setPendingSigners, setTaskAssignee } from '../store/taskStore';

export interface EffectScope {
  caseId: number;
  calendar: WorkCalendar;
  today: string;
  at: Date;
  /** The case clock's pauses: a step opened during a pause is held by it too. */
  pauses: readonly ClockPause[];
}

/**
 * Mirrors the interpreter's effects into case_tasks, in the action's transaction: the FlowState on
 * the case says where it stands, the rows are what the queues read. Co-signers are copied from the
 * new state, so a transfer keeps them and an approval drops the signer from their queue.
 */
export async function applyTaskEffects(
  q: Queryable,
  scope: EffectScope,
  effects: readonly FlowEffect[],
  state: FlowState,
): Promise<void> {
  const { caseId, at } = scope;
  const touched = new Set<string>();
  for (const effect of effects) {
    switch (effect.type) {
      case 'taskOpened': {
        const { task } = effect;
        const due = deriveStepClock(
          scope.calendar,
          { openedOn: scope.today, budgetDays: task.budgetDays },
          scope.pauses,
          scope.today,
        ).due;
        await insertTask(q, {
          caseId,
          taskId: task.id,
          kind: 'flow',
          stepId: task.stepId,
          name: task.name,
          departmentCode: task.department,
          role: task.role,
          assignee: task.assignee,
          budgetDays: task.budgetDays,
          openedOn: scope.today,
          dueOn: due,
          at,
        });
        touched.add(task.id);
        break;
      }
      case 'taskClosed':
        await closeTaskRow(q, { caseId, taskId: effect.taskId, outcome: effect.outcome, at });
        touched.delete(effect.taskId);
        break;
      case 'taskClaimed':
        await setTaskAssignee(q, { caseId, taskId: effect.taskId, assignee: effect.assignee });
        break;
      case 'signerAdded':
      case 'signerApproved':
        touched.add(effect.taskId);
        break;
      default:
        break;
    }
  }
  for (const task of state.tasks.filter((t) => touched.has(t.id))) {
    const pending = task.coSigners.filter((signer) => !signer.hasApproved).map((signer) => signer.userId);
    await setPendingSigners(q, { caseId, taskId: task.id, userIds: pending });
  }
}

/**
 * The rows of the tasks an acceptance opened (受理 at the window, 视为受理 by the timer): called by
 * the acceptance paths after the case row is written, in their transaction. No effects, no rows.
 */
export async function recordAcceptedTasks(
  q: Queryable,
  scope: Omit<EffectScope, 'pauses'>,
  outcome: { taskEffects?: readonly FlowEffect[]; change: { flowState?: FlowState | null } },
): Promise<void> {
  const { taskEffects, change } = outcome;
  if (!taskEffects || !change.flowState) return;
  await applyTaskEffects(q, { ...scope, pauses: [] }, taskEffects, change.flowState);
}
