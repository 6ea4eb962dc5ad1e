export { loadWorkCalendar, forgetWorkCalendars } from './loadWorkCalendar';
export { readRegionCalendar, toCalendarYears } from './effectiveCalendar';
export { seedCalendars, libraryYear, FIRST_LIBRARY_YEAR, LAST_LIBRARY_YEAR } from './seedCalendars';
export { calendarWarnings, calendarStatus, type CalendarStatus, type CalendarWarning } from './calendarStatus';
export { getCalendarYear } from './getCalendarYear';
export { putCalendarYear, type CalendarYearInput } from './putCalendarYear';
export { computeDeadline, countWorkdays, type DeadlineAnswer, type WorkdaysAnswer } from './computeDeadline';
export type { CalendarYearView } from './calendarYearView';
export { calendarRoutes } from './calendarRoutes';
