import { fail } from '../../kernel';
import type { Flow, FlowAction } from '../Flow';
import type { FlowState } from './FlowState';
import { returnTargets } from './returnTargets';
import { createRun, placeOf } from './Run';
import { stepActions } from './stepActions';

export interface AllowedActions {
  actions: readonly FlowAction[];
  specialProcedures: readonly string[];
  /** Step and parallel node ids a return may go to, with their names, nearest the start first. */
  returnTargets: { id: string; name: string }[];
  /** Still in the department queue (认领). */
  isClaimable: boolean;
}

/** What an open task offers, for the action panel and the case layer's checks alike. */
export function allowedActions(flow: Flow, state: FlowState, taskId: string): AllowedActions {
  if (state.status !== 'running') throw fail('FLOW_NOT_RUNNING', { status: state.status });
  const task = state.tasks.find((t) => t.id === taskId);
  if (!task) throw fail('FLOW_TASK_NOT_OPEN', { taskId });
  // Conditions play no part here, so the context is irrelevant; the owner is never read.
  const run = createRun(flow, { ownerDepartment: '', data: {} }, state);
  const { step } = placeOf(run, task.stepId);
  const actions = stepActions(step);
  const targets = actions.includes('return') ? returnTargets(run, task) : [];
  return {
    actions,
    specialProcedures: step.specialProcedures ?? [],
    returnTargets: targets.map((id) => ({ id, name: run.steps.get(id)?.step.name ?? run.graph.get(id)?.node.name ?? id })),
    isClaimable: task.assignee === null,
  };
}
