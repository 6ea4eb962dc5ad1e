import { api, queryOf } from '../api/api';
import type { AcceptanceQueueItem, CaseView, ClockLevel } from './caseTypes';

/** A queue row with the acceptance deadline and how many working days it leaves. */
export interface AcceptanceRow extends AcceptanceQueueItem {
  acceptanceDue: string | null;
  workdaysLeft: number | null;
  level: ClockLevel;
}

/**
 * The level of an acceptance deadline, as the case clock grades a budget (docs/cases.md "Levels"):
 * red on the last day, yellow with one working day left, overdue after it (the timer then deems the
 * application accepted, so a row is overdue only until it runs).
 */
export function acceptanceLevel(workdaysLeft: number | null, due: string | null, today: string): ClockLevel {
  if (due === null) return 'normal';
  if (due < today) return 'overdue';
  if (workdaysLeft === null) return 'normal';
  if (due === today) return 'red';
  return workdaysLeft <= 1 ? 'yellow' : 'normal';
}

/** Green channel first, then the nearest deadline, then the order received. */
export function inAcceptanceOrder(rows: readonly AcceptanceRow[]): AcceptanceRow[] {
  return [...rows].sort(
    (a, b) =>
      Number(b.isGreenChannel) - Number(a.isGreenChannel) ||
      (a.acceptanceDue ?? '\uffff').localeCompare(b.acceptanceDue ?? '\uffff') ||
      a.receivedOn.localeCompare(b.receivedOn) ||
      a.number.localeCompare(b.number),
  );
}

/** At most this many requests at once: the machine serving a centre is small. */
const PARALLEL = 4;

async function eachLimited<T, R>(items: readonly T[], run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await run(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, items.length) }, worker));
  return results;
}

/**
 * The department's acceptance queue with each deadline. The queue answer has no deadline (a 补正
 * answered moves it), so each case is read for its `acceptanceDue`, and the working days to it are
 * counted once per distinct day on the centre's calendar.
 */
export async function loadAcceptanceQueue(): Promise<{ rows: AcceptanceRow[]; today: string }> {
  const [{ items }, { region, today }] = await Promise.all([
    api.get<{ items: AcceptanceQueueItem[] }>('/api/cases?queue=acceptance'),
    api.get<{ region: string; today: string }>('/api/calendar/today'),
  ]);
  const dues = await eachLimited(items, async (item) => (await api.get<CaseView>(`/api/cases/${item.number}`)).acceptanceDue);
  const distinct = [...new Set(dues.filter((due): due is string => due !== null && due >= today))];
  const counts = new Map(
    await eachLimited(distinct, async (due) => {
      const answer = await api.get<{ workdays: number }>(`/api/calendar/${region}/workdays${queryOf({ from: today, to: due })}`);
      return [due, answer.workdays] as const;
    }),
  );
  const rows = items.map((item, index): AcceptanceRow => {
    const due = dues[index] ?? null;
    const left = due === null || due < today ? null : (counts.get(due) ?? null);
    return { ...item, acceptanceDue: due, workdaysLeft: left, level: acceptanceLevel(left, due, today) };
  });
  return { rows: inAcceptanceOrder(rows), today };
}
