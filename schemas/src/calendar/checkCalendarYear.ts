import type { FieldIssue } from '../fieldIssues';
import { isWeekend, parseCivilDate, toDayNumber } from './civilDay';

interface LooseDay {
  date?: unknown;
  name?: unknown;
}

/**
 * What a year's adjustments must satisfy before they are stored: shared by the server (PUT) and the
 * admin UI, so a form shows the same Chinese messages the server would answer with. Pointers are
 * relative to the year's body (`/holidays/0/date`).
 */
export function checkCalendarYear(
  year: number,
  input: { holidays?: readonly LooseDay[]; workdays?: readonly LooseDay[]; source?: unknown },
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (typeof input.source !== 'string' || input.source.trim() === '')
    issues.push({ pointer: '/source', code: 'calendar.source_missing', message: '请填写通知文号（如 国办发明电〔2024〕12号）' });
  const seen = new Map<string, string>();
  const kinds = [
    ['holidays', input.holidays ?? []],
    ['workdays', input.workdays ?? []],
  ] as const;
  for (const [kind, days] of kinds) {
    days.forEach((day, index) => {
      const pointer = `/${kind}/${index}/date`;
      const text = typeof day.date === 'string' ? day.date : '';
      const parts = parseCivilDate(text);
      if (!parts) {
        issues.push({ pointer, code: 'date.format', message: `“${text}”不是有效日期（YYYY-MM-DD）` });
        return;
      }
      if (parts.year !== year) {
        issues.push({ pointer, code: 'calendar.date_outside_year', message: `${text} 不在 ${year} 年内` });
        return;
      }
      const earlier = seen.get(text);
      if (earlier === kind) {
        issues.push({ pointer, code: 'calendar.date_duplicate', message: `${text} 重复列出` });
        return;
      }
      if (earlier !== undefined) {
        issues.push({ pointer, code: 'calendar.date_conflict', message: `${text} 不能既是节假日又是调休上班日` });
        return;
      }
      seen.set(text, kind);
      const weekend = isWeekend(toDayNumber(text));
      if (kind === 'holidays' && weekend)
        issues.push({ pointer, code: 'calendar.holiday_not_weekday', message: `${text} 是周末，本来就不上班，无需列为节假日` });
      if (kind === 'workdays' && !weekend)
        issues.push({ pointer, code: 'calendar.makeup_not_weekend', message: `${text} 不是周末，不能列为调休上班日` });
    });
  }
  return issues;
}
