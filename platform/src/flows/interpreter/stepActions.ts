import type { FlowAction, FlowStep } from '../Flow';
import { ROLE_ACTIONS } from '../roleActions';

/** What a step offers: its `actions`, or everything its role may do when the flow lists none. */
export function stepActions(step: FlowStep): readonly FlowAction[] {
  return step.actions ?? ROLE_ACTIONS[step.role];
}
