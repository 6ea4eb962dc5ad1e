import type { TimerHandlers } from '../../scheduler';
import type { CaseDeps } from '../caseDeps';
import { deemApproval } from '../operations/deemApproval';
import { fireCaseFlag, fireCaseWarning, fireStepWarning } from './fireWarnings';
import { sweepCaseWarnings } from './sweepCaseWarnings';
import { DEEMED_APPROVAL_TIMER, FLAG_TIMER, STEP_WARNING_TIMER, SWEEP_TIMER, WARNING_TIMER } from './warningKinds';

/** The handlers of the clock's timers: warnings, flags, deemed approval and the daily sweep. */
export function warningTimerHandlers(deps: CaseDeps): TimerHandlers {
  return {
    [WARNING_TIMER]: (call, timer) => fireCaseWarning(deps, call, timer),
    [STEP_WARNING_TIMER]: (call, timer) => fireStepWarning(deps, call, timer),
    [FLAG_TIMER]: (call, timer) => fireCaseFlag(deps, call, timer),
    [DEEMED_APPROVAL_TIMER]: async (call, timer) => {
      await deemApproval(deps, call, { caseId: Number(timer.subject) });
    },
    [SWEEP_TIMER]: async (call) => {
      await sweepCaseWarnings(deps, call);
    },
  };
}
