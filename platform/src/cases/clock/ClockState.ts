import type { ClockLevel, DateRange, Period, SpecialProcedure } from '@matterflow/schemas';

/**
 * Why the clock was held. 特别程序 (行政许可法第四十五条) pause it up to their maximum; 补正 is
 * recorded for the timeline but never pauses: it happens before 受理, when the clock has not started.
 */
export type PauseReason = SpecialProcedure['kind'] | 'supplement';

/** One entry of the pause ledger: civil dates, both ends included; open while `to` is absent. */
export interface ClockPause {
  reason: PauseReason;
  from: string;
  to?: string;
  /** The procedure's maximum (the matter's maxDays and unit): days past it count again. */
  max?: Period;
}

/** 行政许可法第四十二条: one extension, approved by the head of the body. */
export interface ClockExtension {
  /** In the budget's unit for working days, else natural days. */
  days: number;
  approvedBy: string;
  approvedAt: string;
}

/**
 * What a case (or a step) stores about time. Everything else — the due date, the days used and
 * left, the warning level — is derived from this and the calendar, so a corrected calendar or a
 * closed pause moves every answer without a migration of stored dates.
 */
export interface ClockState {
  budget: Period;
  /** The 受理 day (a step: the day it opened). It does not count (民法典第二百零一条). */
  startedOn: string;
  pauses: readonly ClockPause[];
  extension?: ClockExtension;
  /** 办结 (a step: closed): nothing after it counts. */
  stoppedOn?: string;
}

export type { ClockLevel };

export interface ClockReading {
  due: string;
  /** Some day of the answer lies in a year the calendar has no data for. */
  provisional: boolean;
  /** The day the reading is for: today, or the stop day of a stopped clock. */
  asOf: string;
  state: 'running' | 'paused' | 'stopped';
  /** Working days from the start to the due date that count (paused ones excluded). */
  budgetWorkdays: number;
  workdaysUsed: number;
  /** Negative once overdue: the working days past the due date. */
  workdaysLeft: number;
  pausedDays: number;
  pausedWorkdays: number;
  level: ClockLevel;
  /** Stopped after its due date: the completion records that it was late. */
  late: boolean;
  /** The ranges that held the clock, after clipping to the running span and to each maximum. */
  countedPauses: readonly DateRange[];
}
