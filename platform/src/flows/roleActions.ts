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

export const ROLE_LABELS: Readonly<Record<FlowRole, string>> = {
  window: '窗口受理',
  reviewer: '审查',
  chief: '决定',
};

export const ACTION_LABELS: Readonly<Record<FlowAction, string>> = {
  accept: '受理',
  reject: '不予受理',
  supplement: '一次性告知补正',
  complete: '即办办结',
  approve: '通过',
  return: '退回',
  transfer: '转办',
  delegate: '委派',
  addSigner: '加签',
  specialProcedure: '特别程序',
  decide: '准予决定',
  deny: '不予决定',
  urge: '催办',
  terminate: '终止',
};
