import { api, queryOf } from '../api/api';
import type { MatterPage, MatterRow } from '../catalog/catalogTypes';

/** A search row of a version in review: the search answers `submittedAt` of the newest version. */
export interface QueueRow extends MatterRow {
  submittedAt: string | null;
}

/** The longest wait first; a version without a submission time (never expected) goes last. */
export function inQueueOrder(rows: readonly QueueRow[]): QueueRow[] {
  return [...rows].sort(
    (a, b) => (a.submittedAt ?? '\uffff').localeCompare(b.submittedAt ?? '\uffff') || a.code.localeCompare(b.code),
  );
}

const PAGE_SIZE = 100;
/** Legal's queue holds tens of versions; past this many a clerk needs filters, not one list. */
const MAX_PAGES = 5;

/** Every matter waiting in review, with when it was submitted (the search row carries it). */
export async function loadReviewQueue(): Promise<QueueRow[]> {
  const rows: QueueRow[] = [];
  for (let page = 1; page <= MAX_PAGES; page += 1) {
    const answer = await api.get<Omit<MatterPage, 'items'> & { items: QueueRow[] }>(
      `/api/matters${queryOf({ status: 'in_review', page, pageSize: PAGE_SIZE })}`,
    );
    rows.push(...answer.items);
    if (page * PAGE_SIZE >= answer.total) break;
  }
  return inQueueOrder(rows);
}
