import type { DueDate, Period, WorkCalendar } from '@matterflow/schemas';

/** 行政许可法第三十二条: accept, refuse or send the one 补正 notice within 5 working days of receipt. */
export const ACCEPTANCE_PERIOD: Period = { value: 5, unit: 'workday' };

/** The last day the window may answer an application received on `receivedOn`. */
export function acceptanceDeadline(calendar: WorkCalendar, receivedOn: string): DueDate {
  return calendar.addDuration(receivedOn, ACCEPTANCE_PERIOD);
}

/**
 * Unanswered past its deadline, an application counts as accepted (第三十二条: 逾期不告知的，自收到
 * 申请材料之日起即为受理) — from the day it was received, so the case clock starts on that day,
 * not on the day the timer notices.
 */
export function deemedAcceptance(
  calendar: WorkCalendar,
  receivedOn: string,
  today: string,
): { deemed: false; deadline: DueDate } | { deemed: true; deadline: DueDate; acceptedOn: string } {
  const deadline = acceptanceDeadline(calendar, receivedOn);
  return today > deadline.due ? { deemed: true, deadline, acceptedOn: receivedOn } : { deemed: false, deadline };
}
