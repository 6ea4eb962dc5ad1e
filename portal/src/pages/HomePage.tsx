import { portalApi, type SearchPage, type ThemeCount } from '../api/portalApi';
import { LoadState } from '../components/LoadState';
import { SearchBox } from '../components/SearchBox';
import { useAsync } from '../components/useAsync';
import { Link } from '../routing/Link';
import { searchPath } from '../search/SearchState';

type Audience = 'personal' | 'corporate';

/**
 * Themes in use for one audience, with how many matters each holds, most used first: the search
 * API counts them over every matching matter (facets=themes), so one small request serves any
 * catalog size.
 */
export function themesInUse(page: SearchPage, audience: Audience): ThemeCount[] {
  return page.facets?.themes[audience] ?? [];
}

function ThemeSection({ audience, title }: { audience: Audience; title: string }) {
  const state = useAsync(
    (signal) => portalApi.search(new URLSearchParams({ audience, facets: 'themes', pageSize: '1' }), signal),
    audience,
  );
  const headingId = `themes-${audience}`;
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <p className="section-lead">
        <Link to={searchPath({ audience })}>查看全部{title}事项</Link>
      </p>
      <LoadState state={state}>
        {(page) => (
          <ul className="chips">
            {themesInUse(page, audience).map(({ theme, count }) => (
              <li key={theme}>
                <Link className="chip" to={searchPath({ audience, theme })}>
                  {theme}
                  <span className="chip-count">（{count}项）</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </LoadState>
    </section>
  );
}

export function HomePage() {
  const departments = useAsync(() => portalApi.departments(), 'departments');
  return (
    <>
      <div className="hero">
        <h1>我要办事</h1>
        <p className="hero-lead">查找事项、看懂办事指南，出门前就知道要带哪些材料。</p>
        <SearchBox isLarge />
      </div>
      <ThemeSection audience="personal" title="个人办事" />
      <ThemeSection audience="corporate" title="法人办事" />
      <section className="section" aria-labelledby="by-department">
        <h2 id="by-department">按部门</h2>
        <LoadState state={departments}>
          {({ items }) => (
            <ul className="department-list">
              {items.map((department) => (
                <li key={department.code}>
                  <Link className="list-link" to={searchPath({ department: department.code })}>
                    {department.name}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </LoadState>
      </section>
    </>
  );
}
