/** A day the notice names: a weekday holiday or a weekend make-up working day. */
export interface CalendarDay {
  date: string;
  /** The festival, e.g. 春节、国庆节. */
  name: string;
}

/**
 * One year of a region's calendar, stored as the exceptions to Monday–Friday only (what the State
 * Council notice and a locality's own notice state). Weekend days of a holiday period are off anyway
 * and are not listed.
 */
export interface CalendarYear {
  year: number;
  /** Weekdays that are statutory holidays (not working days). */
  holidays: readonly CalendarDay[];
  /** Weekend days declared make-up working days (调休上班). */
  workdays: readonly CalendarDay[];
  /** The notice's 文号 or title, e.g. 国办发明电〔2024〕12号. */
  source: string;
}

export type PeriodUnit = 'workday' | 'day' | 'month';

export interface Period {
  value: number;
  unit: PeriodUnit;
}

/** A span of civil dates, both ends included. */
export interface DateRange {
  from: string;
  to: string;
}

/**
 * Time that does not count (行政许可法第四十五条: 听证、检验、检测、鉴定、专家评审…): either the
 * date ranges of those procedures, or their length as a number of working days.
 */
export type Pauses = readonly DateRange[] | number;

/** An answer that ran into a year the calendar has no data for is provisional: plain weeks were assumed. */
export interface DueDate {
  due: string;
  provisional: boolean;
}

export interface WorkdayCount {
  workdays: number;
  provisional: boolean;
}
