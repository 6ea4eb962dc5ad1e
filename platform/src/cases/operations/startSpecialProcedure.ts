import type { Flow, FlowState } from '../../flows';
import { fail } from '../../kernel';
import type { ClockPause } from '../clock';
import { namedProcedure, procedureUnknown, type ClockActionContext, type ClockOutcome } from './ClockOutcome';
import { procedureTask } from './procedureTask';

/**
 * 特别程序 (行政许可法第四十五条: 听证、检验、检测、鉴定、专家评审 … 所需时间不计算在期限内): the
 * holder of the task opens a pause of the case clock from today, up to the procedure's maximum
 * (the matter's maxDays in its unit, working days when it names none); past it the days count
 * again. The law also wants the time it takes told to the applicant in writing: that notice's text
 * is required and kept on the event. A procedure the matter counts (`isCounted`) holds nothing, so
 * it is not started here; the same procedure cannot run twice at once.
 */
export function startSpecialProcedure(ctx: ClockActionContext): ClockOutcome {
  const { clock, context, actor, today, input } = ctx;
  const flow = context.document.flow as Flow;
  const state = ctx.record.flowState as FlowState;
  const { task, offered } = procedureTask(actor, { flow, state, taskId: input.taskId ?? '' });
  const procedure = namedProcedure(context, input.procedure);
  if (offered.length > 0 && !offered.includes(procedure.name)) throw procedureUnknown(procedure.name, offered);
  if (procedure.isCounted) throw fail('CASE_PROCEDURE_COUNTED', { pointer: '/procedure', procedure: procedure.name });
  if (clock.pauses.some((pause) => pause.reason === procedure.kind && pause.to === undefined))
    throw fail('CASE_PROCEDURE_OPEN', { procedure: procedure.name });
  const max = procedure.maxDays === undefined ? undefined : { value: procedure.maxDays, unit: procedure.unit ?? 'workday' };
  const pause: ClockPause = { reason: procedure.kind, from: today, ...(max ? { max } : {}) };
  return {
    clock: { ...clock, pauses: [...clock.pauses, pause] },
    event: {
      type: 'case_procedure_started',
      details: {
        taskId: task.id,
        stepId: task.stepId,
        taskName: task.name,
        procedure: procedure.name,
        kind: procedure.kind,
        from: today,
        max: max ?? null,
        notice: input.notice,
      },
    },
  };
}
