import type { ClockLevel } from './ClockState';

/**
 * When a clock turns yellow (预警). The default is the one a working e-supervision system uses: at
 * most 1 working day left, or 80% of the budget used — the share catches long budgets early (16
 * of 20 days used leaves 4), the day count catches short ones (a 2-day budget is never 80% used
 * until it has 0.4 days left). A matter or the centre may set its own.
 */
export interface LevelRules {
  yellowWorkdaysLeft: number;
  yellowUsedShare: number;
}

export const DEFAULT_LEVEL_RULES: LevelRules = { yellowWorkdaysLeft: 1, yellowUsedShare: 0.8 };

/**
 * Four rungs, each a separate warning event: yellow (close), red on the due day itself (the last
 * day to act, still on time), overdue from the day after (报警/超期).
 */
export function clockLevel(
  reading: { asOf: string; due: string; budgetWorkdays: number; workdaysUsed: number; workdaysLeft: number },
  rules: LevelRules = DEFAULT_LEVEL_RULES,
): ClockLevel {
  if (reading.asOf > reading.due) return 'overdue';
  if (reading.asOf === reading.due) return 'red';
  if (reading.workdaysLeft <= rules.yellowWorkdaysLeft) return 'yellow';
  if (reading.budgetWorkdays > 0 && reading.workdaysUsed >= rules.yellowUsedShare * reading.budgetWorkdays) return 'yellow';
  return 'normal';
}
