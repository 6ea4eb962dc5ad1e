import type { Flow, FlowState } from '../../flows';
import { fail } from '../../kernel';
import { countedPauses } from '../clock';
import { namedProcedure, type ClockActionContext, type ClockOutcome } from './ClockOutcome';
import { procedureTask } from './procedureTask';

/**
 * The procedure is over: its pause closes today (the day itself still paused) and the clock runs
 * again from tomorrow; the ledger keeps the range. Ended by whoever may start it on an open task,
 * or by the chief of the case's department, who answers for the case's clock.
 */
export function endSpecialProcedure(ctx: ClockActionContext): ClockOutcome {
  const { record, clock, context, actor, today, input } = ctx;
  const isCaseChief = actor.role === 'chief' && actor.departmentCode === record.departmentCode && input.taskId === undefined;
  if (!isCaseChief) {
    if (input.taskId === undefined)
      throw fail('CASE_TASK_FORBIDDEN', { action: 'specialProcedure', departmentCode: record.departmentCode });
    procedureTask(actor, { flow: context.document.flow as Flow, state: record.flowState as FlowState, taskId: input.taskId });
  }
  const procedure = namedProcedure(context, input.procedure);
  const index = clock.pauses.findIndex((pause) => pause.reason === procedure.kind && pause.to === undefined);
  const open = clock.pauses[index];
  if (!open) throw fail('CASE_PROCEDURE_NOT_OPEN', { procedure: procedure.name });
  const closed = { ...open, to: today < open.from ? open.from : today };
  const pauses = clock.pauses.map((pause, i) => (i === index ? closed : pause));
  const held = countedPauses(context.calendar, [closed], { startedOn: clock.startedOn, asOf: today });
  const heldDays = held.reduce((sum, range) => sum + (Date.parse(range.to) - Date.parse(range.from)) / 86_400_000 + 1, 0);
  return {
    clock: { ...clock, pauses },
    event: {
      type: 'case_procedure_ended',
      details: {
        ...(input.taskId === undefined ? {} : { taskId: input.taskId }),
        procedure: procedure.name,
        kind: procedure.kind,
        from: closed.from,
        to: closed.to,
        // Days the ledger holds for it: cut at the procedure's maximum.
        heldDays,
      },
    },
  };
}
