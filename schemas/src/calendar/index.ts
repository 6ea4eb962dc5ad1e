export type { CalendarDay, CalendarYear, Period, PeriodUnit, DateRange, Pauses, DueDate, WorkdayCount } from './CalendarYear';
export { WorkCalendar, type DayInfo, type DayKind } from './WorkCalendar';
export { COMPARED_YEARS, compareDurations, type DurationComparison } from './compareDurations';
export { checkCalendarYear } from './checkCalendarYear';
export { isCivilDate, parseCivilDate, toDayNumber, toCivilDate, addMonths, weekdayOf } from './civilDay';
export { describeExcess } from './describeExcess';
export { shanghaiDate, shanghaiTime } from './shanghaiDate';
export { chineseDate } from './chineseDate';
