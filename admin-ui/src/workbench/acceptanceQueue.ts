import { api } from '../api/api';
import type { AcceptanceQueueItem } from './caseTypes';

/** A queue row: the platform's item, with its acceptance deadline and level. */
export type AcceptanceRow = AcceptanceQueueItem;

/** Green channel first, then the nearest deadline, then the order received. */
export function inAcceptanceOrder(rows: readonly AcceptanceRow[]): AcceptanceRow[] {
  return [...rows].sort(
    (a, b) =>
      Number(b.isGreenChannel) - Number(a.isGreenChannel) ||
      a.acceptanceDue.localeCompare(b.acceptanceDue) ||
      a.receivedOn.localeCompare(b.receivedOn) ||
      a.number.localeCompare(b.number),
  );
}

/**
 * The department's acceptance queue. Each item carries its deadline (5 working days from the
 * receipt, or from the answer that completed a 补正) and its level as the platform's clock reads
 * them, so one request is the whole queue.
 */
export async function loadAcceptanceQueue(): Promise<{ rows: AcceptanceRow[] }> {
  const { items } = await api.get<{ items: AcceptanceQueueItem[] }>('/api/cases?queue=acceptance');
  return { rows: inAcceptanceOrder(items) };
}
