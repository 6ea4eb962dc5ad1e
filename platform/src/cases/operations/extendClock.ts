import { fail } from '../../kernel';
import { deriveClock } from '../clock';
import type { ClockActionContext, ClockOutcome } from './ClockOutcome';

/**
 * 延长期限 (行政许可法第四十二条: 经本行政机关负责人批准，可以延长十日，并应当将延长期限的理由告知
 * 申请人): once, where the statutory limit states an extension (the applying 办理情形's first),
 * for at most its length, before the limit has run out. The chief of the case's department records
 * who approved it, for how long and why; the reason is told to the applicant (the event keeps it).
 * The days are in the clock's own unit (working days on a working-day budget), so a matter whose
 * extension is stated in another unit is refused rather than converted.
 */
export function extendClock(ctx: ClockActionContext): ClockOutcome {
  const { record, clock, context, actor, today, at, input } = ctx;
  if (actor.role !== 'chief' || actor.departmentCode !== record.departmentCode)
    throw fail('FORBIDDEN', { requiredRoles: ['chief'], departmentCode: record.departmentCode });
  const allowed = [context.situations.find((s) => s.timeLimits?.statutory?.extension), context.document]
    .map((holder) => holder?.timeLimits?.statutory?.extension)
    .find((extension) => extension !== undefined);
  if (!allowed) throw fail('CASE_EXTENSION_NOT_ALLOWED', { reason: 'notProvided' });
  if (clock.extension) throw fail('CASE_EXTENSION_USED', { extension: clock.extension });
  const unit = clock.budget.unit === 'workday' ? 'workday' : 'day';
  if ((allowed.unit ?? 'workday') !== unit) throw fail('CASE_EXTENSION_NOT_ALLOWED', { reason: 'unit', unit: allowed.unit });
  const before = deriveClock(context.calendar, clock, today);
  if (today > before.due) throw fail('CASE_EXTENSION_NOT_ALLOWED', { reason: 'overdue', due: before.due });
  const days = input.days ?? 0;
  if (days > allowed.value) throw fail('CASE_EXTENSION_TOO_LONG', { pointer: '/days', max: allowed.value, unit });
  const extension = { days, approvedBy: input.approvedBy ?? '', approvedAt: at.toISOString() };
  return {
    clock: { ...clock, extension },
    event: {
      type: 'case_extended',
      details: { days, unit, approvedBy: extension.approvedBy, reason: input.reasonText, approver: allowed.approver },
    },
  };
}
