import { portalApi } from '../api/portalApi';
import { LoadState } from '../components/LoadState';
import { MatterCard } from '../components/MatterCard';
import { SearchBox } from '../components/SearchBox';
import { useAsync } from '../components/useAsync';
import { Link } from '../routing/Link';
import { apiQuery, PAGE_SIZE, readSearchState, searchPath, type SearchState } from '../search/SearchState';

const AUDIENCE = { personal: '个人办事', corporate: '法人办事' } as const;

/** The filters in force, each a link that removes it. */
function ActiveFilters({ state, departmentName }: { state: SearchState; departmentName: string | undefined }) {
  const filters: { label: string; without: Partial<SearchState> }[] = [];
  if (state.audience) filters.push({ label: AUDIENCE[state.audience], without: { ...state, audience: undefined, page: 1 } });
  if (state.theme) filters.push({ label: `主题：${state.theme}`, without: { ...state, theme: undefined, page: 1 } });
  if (state.department)
    filters.push({ label: `部门：${departmentName ?? state.department}`, without: { ...state, department: undefined, page: 1 } });
  if (filters.length === 0) return null;
  return (
    <ul className="chips" aria-label="筛选条件">
      {filters.map((filter) => (
        <li key={filter.label}>
          <Link className="chip chip-active" to={searchPath(filter.without)} aria-label={`取消筛选：${filter.label}`}>
            {filter.label} <span aria-hidden="true">×</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

export function SearchPage({ query }: { query: URLSearchParams }) {
  const state = readSearchState(query);
  const key = searchPath(state);
  const results = useAsync((signal) => portalApi.search(apiQuery(state), signal), key);
  const departments = useAsync(() => portalApi.departments(), 'departments');
  const departmentName =
    departments.status === 'done' ? departments.value.items.find((d) => d.code === state.department)?.name : undefined;
  return (
    <>
      <h1 className="page-title">{state.q ? `“${state.q}”的搜索结果` : '事项列表'}</h1>
      <SearchBox key={state.q} initial={state.q} />
      <ActiveFilters state={state} departmentName={departmentName} />
      <LoadState state={results}>
        {(page) => {
          const pages = Math.max(1, Math.ceil(page.total / PAGE_SIZE));
          return (
            <section aria-labelledby="results-heading">
              <h2 id="results-heading" className="results-count" aria-live="polite">
                共找到 {page.total} 个事项
              </h2>
              {page.total === 0 ? (
                <p className="notice">
                  没有找到相符的事项。可以换个说法（如“营业执照”“身份证”），或<Link to="/">按主题、部门查找</Link>。
                </p>
              ) : (
                <ul className="cards">
                  {page.items.map((matter) => (
                    <MatterCard key={matter.code} matter={matter} />
                  ))}
                </ul>
              )}
              {pages > 1 && (
                <nav className="pager" aria-label="分页">
                  {state.page > 1 && <Link to={searchPath({ ...state, page: state.page - 1 })}>上一页</Link>}
                  <span>
                    第 {state.page} / {pages} 页
                  </span>
                  {state.page < pages && <Link to={searchPath({ ...state, page: state.page + 1 })}>下一页</Link>}
                </nav>
              )}
            </section>
          );
        }}
      </LoadState>
    </>
  );
}
