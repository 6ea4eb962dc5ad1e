import { isCivilDate, type PeriodUnit } from '@matterflow/schemas';
import { fail, type Call, type Db } from '../kernel';
import { loadWorkCalendar } from './loadWorkCalendar';

export interface DeadlineAnswer {
  region: string;
  from: string;
  days: number;
  unit: PeriodUnit;
  pausedDays: number;
  due: string;
  /** The period runs into a year without data: Monday–Friday was assumed. */
  provisional: boolean;
}

function requireDate(value: string, name: string): void {
  if (!isCivilDate(value))
    throw fail('BAD_QUERY', [
      { pointer: `/query/${name}`, code: 'date.format', message: `“${value}”不是有效日期（YYYY-MM-DD）` },
    ]);
}

/**
 * The due date of a period that starts on `from` (the day of acceptance, not counted), in the
 * region's calendar; `pausedDays` working days of 特别程序 move it that many working days later.
 */
export async function computeDeadline(
  deps: { db: Db },
  _call: Call,
  input: { region: string; from: string; days: number; unit: PeriodUnit; pausedDays?: number },
): Promise<DeadlineAnswer> {
  requireDate(input.from, 'from');
  const calendar = await loadWorkCalendar(deps, input.region);
  const pausedDays = input.pausedDays ?? 0;
  const answer = calendar.addDuration(input.from, { value: input.days, unit: input.unit }, { pauses: pausedDays });
  return { region: input.region, from: input.from, days: input.days, unit: input.unit, pausedDays, ...answer };
}

export interface WorkdaysAnswer {
  region: string;
  from: string;
  to: string;
  /** Working days after `from` up to and including `to`; negative when `to` is earlier. */
  workdays: number;
  provisional: boolean;
}

export async function countWorkdays(
  deps: { db: Db },
  _call: Call,
  input: { region: string; from: string; to: string },
): Promise<WorkdaysAnswer> {
  requireDate(input.from, 'from');
  requireDate(input.to, 'to');
  const calendar = await loadWorkCalendar(deps, input.region);
  return { region: input.region, from: input.from, to: input.to, ...calendar.workdaysBetween(input.from, input.to) };
}
