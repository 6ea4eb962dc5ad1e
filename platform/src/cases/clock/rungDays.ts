import { toCivilDate, toDayNumber, type WorkCalendar } from '@matterflow/schemas';
import type { ClockLevel, ClockState } from './ClockState';
import { DEFAULT_LEVEL_RULES, type LevelRules } from './clockLevel';
import { deriveClock } from './deriveClock';

export type WarningRung = Exclude<ClockLevel, 'normal'>;

/**
 * The first day, from `today` on, on which each warning rung is reached, so the scheduler can hold
 * one timer per rung. An open pause is assumed to end today: while it lasts the days move, and the
 * case engine schedules again when it ends. A stopped clock has no rungs ahead.
 */
export function rungDays(
  calendar: WorkCalendar,
  state: ClockState,
  today: string,
  rules: LevelRules = DEFAULT_LEVEL_RULES,
): Partial<Record<WarningRung, string>> {
  if (state.stoppedOn !== undefined) return {};
  const settled: ClockState = { ...state, pauses: state.pauses.map((pause) => ({ ...pause, to: pause.to ?? today })) };
  const found: Partial<Record<WarningRung, string>> = {};
  const first = Math.max(toDayNumber(today), toDayNumber(state.startedOn));
  for (let d = first; found.overdue === undefined; d += 1) {
    const day = toCivilDate(d);
    const { level } = deriveClock(calendar, settled, day, rules);
    if (level === 'normal') continue;
    // A day that jumps straight to a later rung (a weekend before the due day) reaches the earlier ones too.
    for (const rung of ['yellow', 'red', 'overdue'] as const) {
      found[rung] ??= day;
      if (rung === level) break;
    }
  }
  return found;
}
