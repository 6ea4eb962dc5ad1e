import { Button, Result } from 'antd';
import { createBrowserRouter, Link, Outlet, type RouteObject } from 'react-router';
import { CatalogListPage } from './catalog/CatalogListPage';
import { LoginPage } from './pages/LoginPage';
import { RequireSession } from './session/RequireSession';
import { AdminLayout } from './shell/AdminLayout';
import { WorkbenchHome } from './workbench/WorkbenchHome';

/** A screen loaded when first opened: the editor (and Monaco with it) stays out of the first page. */
const lazyPage = (load: () => Promise<{ Component: React.ComponentType }>) => ({ lazy: load });

const notFound = (
  <Result
    status="404"
    title="页面不存在"
    extra={
      <Link to="/">
        <Button type="primary">返回工作台</Button>
      </Link>
    }
  />
);

/**
 * The staff app's screens. Each is also listed in shell/staffMenu.ts with the roles that may open it.
 * A data router, so an editor can hold a clerk back from leaving with unsaved changes (useBlocker).
 */
export const ADMIN_ROUTES: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  // A notice prints without the shell: the page is the A4 sheet.
  {
    path: '/cases/:number/notices/:kind',
    element: (
      <RequireSession>
        <Outlet />
      </RequireSession>
    ),
    children: [{ index: true, ...lazyPage(() => import('./workbench/NoticePage').then((m) => ({ Component: m.NoticePage }))) }],
  },
  {
    element: (
      <RequireSession>
        <AdminLayout />
      </RequireSession>
    ),
    children: [
      { index: true, element: <WorkbenchHome /> },
      { path: 'cases/:number', ...lazyPage(() => import('./workbench/CasePage').then((m) => ({ Component: m.CasePage }))) },
      { path: 'matters', element: <CatalogListPage /> },
      { path: 'matters/new', ...lazyPage(() => import('./editor/NewMatterPage').then((m) => ({ Component: m.NewMatterPage }))) },
      { path: 'matters/:code', ...lazyPage(() => import('./versions/MatterPage').then((m) => ({ Component: m.MatterPage }))) },
      {
        path: 'matters/:code/versions/:version/edit',
        ...lazyPage(() => import('./editor/MatterEditorPage').then((m) => ({ Component: m.MatterEditorPage }))),
      },
      { path: 'review', ...lazyPage(() => import('./review/ReviewQueuePage').then((m) => ({ Component: m.ReviewQueuePage }))) },
      {
        path: 'review/:code/:version',
        ...lazyPage(() => import('./review/ReviewPage').then((m) => ({ Component: m.ReviewPage }))),
      },
      { path: 'quality', ...lazyPage(() => import('./quality/QualityPage').then((m) => ({ Component: m.QualityPage }))) },
      { path: 'exchange', ...lazyPage(() => import('./exchange/ExchangePage').then((m) => ({ Component: m.ExchangePage }))) },
      { path: 'plugins', ...lazyPage(() => import('./plugins/PluginsPage').then((m) => ({ Component: m.PluginsPage }))) },
      { path: 'plugins/:id', ...lazyPage(() => import('./plugins/PluginPage').then((m) => ({ Component: m.PluginPage }))) },
      { path: 'users', ...lazyPage(() => import('./system/UsersPage').then((m) => ({ Component: m.UsersPage }))) },
      {
        path: 'departments',
        ...lazyPage(() => import('./system/DepartmentsPage').then((m) => ({ Component: m.DepartmentsPage }))),
      },
      { path: 'calendars', ...lazyPage(() => import('./system/CalendarsPage').then((m) => ({ Component: m.CalendarsPage }))) },
      { path: 'audit', ...lazyPage(() => import('./audit/AuditPage').then((m) => ({ Component: m.AuditPage }))) },
      { path: '*', element: notFound },
    ],
  },
];

export const createAdminRouter = () => createBrowserRouter(ADMIN_ROUTES, { basename: '/admin' });
