import { COMPARED_YEARS, WorkCalendar, type CalendarYear } from '@matterflow/schemas';
import { api } from '../api/api';
import { useLoad } from '../useLoad';

export interface FlowDepartment {
  code: string;
  name: string;
  shortName: string | null;
}

/** The centre's departments, for the step's 办理部门 and the block's 牵头单位. */
export function useDepartments(): FlowDepartment[] {
  const loaded = useLoad(() => api.get<{ items: FlowDepartment[] }>('/api/departments').then((answer) => answer.items), []);
  return loaded.value ?? [];
}

/**
 * The centre's working-day calendar, only when the promise is in 自然日 or 月: working-day budgets
 * then compare with it on the calendar, as the publish check does (the same years it compares over,
 * plus next year). Years not entered yet are left out; compareDurations then says it assumed plain weeks.
 */
export function useWorkCalendar(isNeeded: boolean): WorkCalendar | undefined {
  const loaded = useLoad(async () => {
    if (!isNeeded) return undefined;
    const { region, today } = await api.get<{ region: string; today: string }>('/api/calendar/today');
    const thisYear = Number(today.slice(0, 4));
    const years = Array.from({ length: COMPARED_YEARS + 1 }, (_, k) => thisYear - COMPARED_YEARS + 1 + k);
    const answers = await Promise.allSettled(years.map((year) => api.get<CalendarYear>(`/api/calendar/${region}/${year}`)));
    return new WorkCalendar(answers.flatMap((answer) => (answer.status === 'fulfilled' ? [answer.value] : [])));
  }, [isNeeded]);
  return loaded.value;
}
