import { WorkCalendar, isCivilDate, type CalendarYear } from '@matterflow/schemas';

/** Working days are counted at most this far, so a guest cannot make the worker walk for ever. */
const MAX_WORKING_DAYS = 3660;

function civil(date: string): string {
  if (!isCivilDate(date)) throw new TypeError(`not a date YYYY-MM-DD: ${date.slice(0, 40)}`);
  return date;
}

/**
 * The calendar a plugin sees as `ctx.calendar`, over the years the grant carries: the same
 * WorkCalendar the case clock uses, with the guest's arguments checked (they arrive as text).
 */
export class GuestCalendar {
  private readonly calendar: WorkCalendar;

  constructor(years: readonly CalendarYear[]) {
    this.calendar = new WorkCalendar(years);
  }

  isWorkingDay(date: string): boolean {
    return this.calendar.isWorkday(civil(date));
  }

  addWorkingDays(date: string, n: string): string {
    const value = Number(n);
    if (!Number.isInteger(value) || value < 0 || value > MAX_WORKING_DAYS)
      throw new RangeError(`working days are a whole number from 0 to ${MAX_WORKING_DAYS}: ${n.slice(0, 40)}`);
    return this.calendar.addDuration(civil(date), { unit: 'workday', value }).due;
  }

  /** Working days in (from, to]. */
  countWorkingDays(from: string, to: string): number {
    return this.calendar.workdaysBetween(civil(from), civil(to)).workdays;
  }
}
