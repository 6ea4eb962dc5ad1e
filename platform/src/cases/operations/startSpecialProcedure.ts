import { formatDuration } from '@matterflow/schemas';
import type { Flow, FlowState } from '../../flows';
import { fail } from '../../kernel';
import type { ClockPause } from '../clock';
import { namedProcedure, procedureUnknown, type ClockActionContext, type ClockOutcome } from './ClockOutcome';
import { procedureTask } from './procedureTask';

/**
 * 特别程序 (行政许可法第四十五条: 听证、检验、检测、鉴定、专家评审 … 所需时间不计算在期限内): the
 * holder of the task opens a pause of the case clock from today, up to the procedure's maximum
 * (the matter's maxDays in its unit, working days when it names none); past it the days count
 * again. The law also wants the time it takes told to the applicant in writing: the notice's text
 * and the expected days (in the procedure's unit) are required and kept on the event, the days at
 * most the maximum, so that the time told is one the clock can hold. A procedure the matter counts
 * (`isCounted`) holds nothing, so it is not started here; the same procedure cannot run twice at once.
 */
export function startSpecialProcedure(ctx: ClockActionContext): ClockOutcome {
  const { clock, context, actor, today, input } = ctx;
  const flow = context.document.flow as Flow;
  const state = ctx.record.flowState as FlowState;
  const { task, offered } = procedureTask(actor, { flow, state, taskId: input.taskId ?? '' });
  const procedure = namedProcedure(context, input.procedure);
  if (offered.length > 0 && !offered.includes(procedure.name)) throw procedureUnknown(procedure.name, offered);
  if (procedure.isCounted) throw fail('CASE_PROCEDURE_COUNTED', { pointer: '/procedure', procedure: procedure.name });
  const days = input.days ?? 0;
  const { maxDays, unit = 'workday' } = procedure;
  if (maxDays !== undefined && days > maxDays)
    throw fail(
      'CASE_PROCEDURE_TOO_LONG',
      { pointer: '/days', procedure: procedure.name, days, maxDays, unit },
      `${procedure.name}所需时间不能超过 ${formatDuration({ value: maxDays, unit })}`,
    );
  if (clock.pauses.some((pause) => pause.reason === procedure.kind && pause.to === undefined))
    throw fail('CASE_PROCEDURE_OPEN', { procedure: procedure.name });
  const max = maxDays === undefined ? undefined : { value: maxDays, unit };
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
        expectedDays: days,
        notice: input.notice,
      },
    },
  };
}
