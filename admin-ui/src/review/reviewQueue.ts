import { api, queryOf } from '../api/api';
import type { MatterPage, MatterRow } from '../catalog/catalogTypes';
import type { VersionSummary } from '../versions/versionTypes';

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

/**
 * Every matter waiting in review, with when it was submitted. The search answers no submission
 * time, so each waiting matter's version index is read beside it (one small request per matter).
 */
export async function loadReviewQueue(): Promise<QueueRow[]> {
  const rows: MatterRow[] = [];
  for (let page = 1; page <= MAX_PAGES; page += 1) {
    const answer = await api.get<MatterPage>(`/api/matters${queryOf({ status: 'in_review', page, pageSize: PAGE_SIZE })}`);
    rows.push(...answer.items);
    if (page * PAGE_SIZE >= answer.total) break;
  }
  const withTimes = await Promise.all(
    rows.map(async (row) => {
      const { items } = await api.get<{ items: VersionSummary[] }>(`/api/matters/${row.code}/versions`);
      return { ...row, submittedAt: items.find((v) => v.version === row.version)?.submittedAt ?? null };
    }),
  );
  return inQueueOrder(withTimes);
}
