import type { FlowAction, FlowRole } from './Flow';

/**
 * What each role may do. A window clerk takes in and closes 即办件 but never decides a reviewed
 * case; reviewers examine; only the chief representative (首席代表) decides or denies.
 */
export const ROLE_ACTIONS: Readonly<Record<FlowRole, readonly FlowAction[]>> = {
  window: ['accept', 'reject', 'supplement', 'complete', 'transfer', 'urge', 'terminate'],
  reviewer: ['approve', 'return', 'transfer', 'delegate', 'addSigner', 'specialProcedure', 'urge', 'terminate'],
  chief: ['decide', 'deny', 'return', 'specialProcedure', 'transfer', 'terminate'],
};
