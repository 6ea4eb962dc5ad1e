import { lazy, Suspense, useEffect, useRef } from 'react';
import { Link } from './routing/Link';
import { matchRoute } from './routing/matchRoute';
import { useLocation } from './routing/useLocation';
import { GuidePage } from './pages/GuidePage';
import { HomePage } from './pages/HomePage';
import { SearchPage } from './pages/SearchPage';
import { AccountNav } from './account/AccountNav';
import { LoginPage } from './pages/LoginPage';
import { RegisterPage } from './pages/RegisterPage';

// 情形引导 brings the shared condition code (and Ajv's runtime): loaded only by the page that needs it.
const SituationPage = lazy(() => import('./pages/SituationPage').then((module) => ({ default: module.SituationPage })));

// The write side (rjsf, the form's validator, uploads) and 我的办件 load only when opened.
const ApplyPage = lazy(() => import('./pages/ApplyPage').then((module) => ({ default: module.ApplyPage })));
const DraftPage = lazy(() => import('./pages/ApplyPage').then((module) => ({ default: module.DraftPage })));
const MyApplicationsPage = lazy(() =>
  import('./pages/MyApplicationsPage').then((module) => ({ default: module.MyApplicationsPage })),
);
const ApplicationPage = lazy(() => import('./pages/ApplicationPage').then((module) => ({ default: module.ApplicationPage })));
const ReceiptPage = lazy(() => import('./pages/ReceiptPage').then((module) => ({ default: module.ReceiptPage })));
const SupplementPage = lazy(() => import('./pages/SupplementPage').then((module) => ({ default: module.SupplementPage })));
const DecisionPage = lazy(() => import('./pages/DecisionPage').then((module) => ({ default: module.DecisionPage })));

const TITLES = {
  home: '首页',
  search: '搜索事项',
  guide: '办事指南',
  situations: '情形引导',
  apply: '在线办理',
  draft: '在线办理',
  applications: '我的办件',
  application: '办件详情',
  receipt: '材料接收凭证',
  supplement: '补正材料',
  decision: '行政许可决定书',
  notFound: '页面不存在',
} as const;
const ACCOUNT_TITLES = { login: '登录', register: '注册' } as const;

export function App() {
  const { path, query } = useLocation();
  const route = matchRoute(path);
  useEffect(() => {
    document.title = `${{ ...TITLES, ...ACCOUNT_TITLES }[route.page]} - 云溪县政务服务网`;
  }, [route.page]);
  // A new page (not a new tab or answer, which change only the query) moves focus to its content,
  // so a screen reader starts there instead of on a link that no longer exists.
  const previousPath = useRef(path);
  useEffect(() => {
    if (previousPath.current === path) return;
    previousPath.current = path;
    document.getElementById('main')?.focus();
  }, [path]);
  return (
    <>
      <a className="skip-link" href="#main">
        跳到主要内容
      </a>
      <header className="site-header">
        <Link to="/" className="site-name">
          云溪县政务服务网
        </Link>
        <span className="site-tagline">一网通办 · 事项通</span>
        <AccountNav />
      </header>
      <main id="main" className="main" tabIndex={-1}>
        {route.page === 'home' && <HomePage />}
        {route.page === 'search' && <SearchPage query={query} />}
        {route.page === 'guide' && <GuidePage key={route.code} code={route.code} query={query} />}
        {route.page === 'situations' && (
          <Suspense
            fallback={
              <p className="notice" role="status">
                正在加载…
              </p>
            }
          >
            <SituationPage key={route.code} code={route.code} query={query} />
          </Suspense>
        )}
        {['apply', 'draft', 'applications', 'application', 'receipt', 'supplement', 'decision'].includes(route.page) && (
          <Suspense
            fallback={
              <p className="notice" role="status">
                正在加载…
              </p>
            }
          >
            {route.page === 'apply' && <ApplyPage key={route.code} code={route.code} query={query} />}
            {route.page === 'draft' && <DraftPage key={route.id} id={route.id} />}
            {route.page === 'applications' && <MyApplicationsPage />}
            {route.page === 'application' && <ApplicationPage key={route.number} number={route.number} />}
            {route.page === 'receipt' && <ReceiptPage key={route.number} number={route.number} />}
            {route.page === 'supplement' && <SupplementPage key={route.number} number={route.number} />}
            {route.page === 'decision' && <DecisionPage key={route.number} number={route.number} />}
          </Suspense>
        )}
        {route.page === 'login' && <LoginPage query={query} />}
        {route.page === 'register' && <RegisterPage query={query} />}
        {route.page === 'notFound' && (
          <>
            <h1 className="page-title">页面不存在</h1>
            <p>
              <Link to="/">返回首页</Link>
            </p>
          </>
        )}
      </main>
      <footer className="site-footer">
        <p>云溪县人民政府政务服务中心 · 本站为示例系统（云溪县为虚构县）</p>
      </footer>
    </>
  );
}
