import type { MatterDocument, Period, Situation } from '@matterflow/schemas';
import type { ClockState } from '../clock';

/**
 * 超时默许: only where the flow says the matter allows it, and never on a matter touching 公共安全、
 * 人身健康、生命财产安全 (the `publicSafety` flag), whatever the flow says — the quality rule
 * `safety.deemed_approval` reports that combination, and the engine refuses it as well.
 */
export function allowsDeemedApproval(document: MatterDocument): boolean {
  return document.flow?.allowsDeemedApproval === true && document.publicSafety !== true;
}

/** The statutory limit (the applying 办理情形's first): the law's consequence hangs on it, not on the centre's promise. */
export function statutoryBudget(document: MatterDocument, situations: readonly Situation[]): Period | undefined {
  for (const limits of [situations.find((situation) => situation.timeLimits)?.timeLimits, document.timeLimits]) {
    const statutory = limits?.statutory;
    if (statutory && !statutory.unspecified && statutory.value !== undefined)
      return { value: statutory.value, unit: statutory.unit ?? 'workday' };
  }
  return undefined;
}

/**
 * The clock deemed approval runs on: the case's own start, pauses and extension over the statutory
 * budget (the case's budget when the matter states none), so a special procedure and an approved
 * extension move it exactly as they move the case's due date.
 */
export function deemedApprovalClock(clock: ClockState, document: MatterDocument, situations: readonly Situation[]): ClockState {
  return { ...clock, budget: statutoryBudget(document, situations) ?? clock.budget };
}
