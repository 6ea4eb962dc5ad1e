import { api, queryOf } from '../api/api';
import type { MatterPage } from './catalogTypes';

/** A county keeps a few hundred to a few thousand matters; a filter past this would need the server. */
const MAX_PAGES = 30;
const PAGE_SIZE = 100;
const SHOWN = 20;

/**
 * The matters that match the search and have open quality findings of at least `level`. The quality
 * report is computed by the platform for the whole catalog, not stored per matter, so this pages
 * through the search (at most 3,000 matters) and keeps those the report names.
 */
export async function loadMatterRows(
  search: Record<string, string | undefined>,
  counts: Map<string, { error: number; warning: number }>,
  level: 'error' | 'warning',
  page: number,
): Promise<MatterPage> {
  const matches = (code: string) => {
    const count = counts.get(code);
    return count !== undefined && (count.error > 0 || (level === 'warning' && count.warning > 0));
  };
  const items: MatterPage['items'] = [];
  for (let n = 1; n <= MAX_PAGES; n += 1) {
    const answer = await api.get<MatterPage>(`/api/matters${queryOf({ ...search, page: n, pageSize: PAGE_SIZE })}`);
    items.push(...answer.items.filter((row) => matches(row.code)));
    if (n * PAGE_SIZE >= answer.total) break;
  }
  return { items: items.slice((page - 1) * SHOWN, page * SHOWN), total: items.length, page, pageSize: SHOWN };
}
