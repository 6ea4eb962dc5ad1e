/**
 * The case engine's timer kinds besides the acceptance deadline. Each row is unique per (kind,
 * subject, rung) with the case id as subject, so every warning fires once per case and rung.
 */
export const WARNING_TIMER = 'case.warning';
/** 环节超时: one per task (the rung is the task id), since a returned step opens a new task. */
export const STEP_WARNING_TIMER = 'case.stepOverdue';
/** Flags that are not a clock level: repeated 补正 and no back-office activity (体外循环 risk). */
export const FLAG_TIMER = 'case.flag';
export const DEEMED_APPROVAL_TIMER = 'case.deemedApproval';
/** The daily sweep that schedules what the actions cannot foresee (tasks opened, deemed acceptances). */
export const SWEEP_TIMER = 'case.warningSweep';
export const SWEEP_SUBJECT = 'cases';

export type CaseFlag = 'repeatedSupplement' | 'noActivity';

/** Every rung a case_warnings row may carry. */
export const WARNING_RUNGS = [
  'yellow',
  'red',
  'overdue',
  'extended.yellow',
  'extended.red',
  'extended.overdue',
  'stepOverdue',
  'repeatedSupplement',
  'noActivity',
] as const;

/**
 * After an extension the due date moves, and yellow, red and overdue may be reached a second time:
 * those rungs get their own names, so the first ones stay fired and the new ones fire once too.
 */
export function rungName(level: 'yellow' | 'red' | 'overdue', isExtended: boolean): string {
  return isExtended ? `extended.${level}` : level;
}
