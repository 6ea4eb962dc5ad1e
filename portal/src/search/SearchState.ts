/** What the search page filters by; kept in the URL so a result list can be shared and reloaded. */
export interface SearchState {
  q: string;
  audience: 'personal' | 'corporate' | undefined;
  theme: string | undefined;
  department: string | undefined;
  page: number;
}

export const PAGE_SIZE = 20;
/** The API refuses longer queries (searchQuerySchema: q ≤ 100). */
export const MAX_QUERY_LENGTH = 100;

/**
 * What a citizen typed, as the API should get it: full-width spaces and runs of blanks become one
 * space (phones' Chinese keyboards type U+3000), the ends are trimmed and the length capped.
 */
export function normaliseQuery(typed: string): string {
  return Array.from(typed.replace(/[\s\u3000]+/gu, ' ').trim())
    .slice(0, MAX_QUERY_LENGTH)
    .join('')
    .trim();
}

export function readSearchState(query: URLSearchParams): SearchState {
  const audience = query.get('audience');
  const page = Number(query.get('page') ?? '1');
  return {
    q: normaliseQuery(query.get('q') ?? ''),
    audience: audience === 'personal' || audience === 'corporate' ? audience : undefined,
    theme: query.get('theme') || undefined,
    department: query.get('department') || undefined,
    page: Number.isInteger(page) && page >= 1 && page <= 9999 ? page : 1,
  };
}

/** The portal URL of a search (only the filters that are set, in a fixed order). */
export function searchPath(state: Partial<SearchState>): string {
  const params = new URLSearchParams();
  const q = normaliseQuery(state.q ?? '');
  if (q) params.set('q', q);
  if (state.audience) params.set('audience', state.audience);
  if (state.theme) params.set('theme', state.theme);
  if (state.department) params.set('department', state.department);
  if (state.page && state.page > 1) params.set('page', String(state.page));
  const text = params.toString();
  return text ? `/search?${text}` : '/search';
}

/** The API query of a search page. */
export function apiQuery(state: SearchState): URLSearchParams {
  const params = new URLSearchParams({ page: String(state.page), pageSize: String(PAGE_SIZE) });
  if (state.q) params.set('q', state.q);
  if (state.audience) params.set('audience', state.audience);
  if (state.theme) params.set('theme', state.theme);
  if (state.department) params.set('department', state.department);
  return params;
}
