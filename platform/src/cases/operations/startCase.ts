import { resolveSituations, type MatterDocument } from '@matterflow/schemas';
import {
  allowedActions,
  applyFlowEvent,
  startFlow,
  type Flow,
  type FlowContext,
  type FlowEffect,
  type FlowState,
} from '../../flows';
import type { ApplicationRecord } from '../../intake';
import { caseBudget, type ClockState } from '../clock';

export interface StartedCase {
  clock: ClockState | null;
  flowState: FlowState | null;
  effects: FlowEffect[];
}

/** A safety bound: a flow of window steps only (即办件) is passed step by step at the counter. */
const MAX_WINDOW_STEPS = 20;

function windowTask(flow: Flow, state: FlowState, passing: readonly string[]): string | undefined {
  if (state.status !== 'running') return undefined;
  return state.tasks.find(
    (task) => task.role === 'window' && allowedActions(flow, state, task.id).actions.some((action) => passing.includes(action)),
  )?.id;
}

/**
 * What 受理 starts: the clock, on the budget of the applicant's 办理情形 or else the matter's
 * (caseBudget), counted from the day after `acceptedOn`; and the flow, whose window acceptance
 * step the 受理 itself passes (by `by`). `isOnSpot` (即办件) passes every window step that offers
 * 受理 or 办结 and stops the clock the same day. `branchChoice` is what the `route` plugins chose.
 */
export function startCase(
  document: MatterDocument,
  application: Pick<ApplicationRecord, 'departmentCode' | 'answers' | 'formData'>,
  {
    acceptedOn,
    by,
    isOnSpot = false,
    branchChoice,
  }: { acceptedOn: string; by: string; isOnSpot?: boolean; branchChoice?: Record<string, string[]> | undefined },
): StartedCase {
  const { situations } = resolveSituations(document, application.answers, application.formData);
  const budget = caseBudget(document.timeLimits, situations.find((situation) => situation.timeLimits)?.timeLimits);
  const clock: ClockState | null = budget
    ? { budget, startedOn: acceptedOn, pauses: [], ...(isOnSpot ? { stoppedOn: acceptedOn } : {}) }
    : null;
  const flow = document.flow;
  if (!flow) return { clock, flowState: null, effects: [] };
  const context: FlowContext = { ownerDepartment: application.departmentCode, data: application.formData, situations };
  let { state, effects } = startFlow(flow, context, branchChoice);
  const passing = isOnSpot ? ['accept', 'complete'] : ['accept'];
  for (let step = 0; step < (isOnSpot ? MAX_WINDOW_STEPS : 1); step += 1) {
    const taskId = windowTask(flow, state, passing);
    if (!taskId) break;
    const next = applyFlowEvent(flow, state, { type: 'approve', taskId, by }, context);
    state = next.state;
    effects = [...effects, ...next.effects];
  }
  return { clock, flowState: state, effects };
}

/** Whether the applicant's case is a 即办件: their 办理情形's 办件类型 first, else the matter's. */
export function isInstantMatter(document: MatterDocument, application: Pick<ApplicationRecord, 'answers' | 'formData'>): boolean {
  const { situations } = resolveSituations(document, application.answers, application.formData);
  const type = situations.find((situation) => situation.projectType)?.projectType ?? document.projectType;
  return type === '1';
}
