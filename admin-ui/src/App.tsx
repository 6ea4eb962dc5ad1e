import { Button, Result } from 'antd';
import { Link, Route, Routes } from 'react-router';
import { CatalogListPage } from './catalog/CatalogListPage';
import { HomePage } from './pages/HomePage';
import { LoginPage } from './pages/LoginPage';
import { RequireSession } from './session/RequireSession';
import { AdminLayout } from './shell/AdminLayout';

/** The staff app's screens. Each is listed in shell/staffMenu.ts with the roles that may open it. */
export function App() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        element={
          <RequireSession>
            <AdminLayout />
          </RequireSession>
        }
      >
        <Route index element={<HomePage />} />
        <Route path="matters" element={<CatalogListPage />} />
        <Route
          path="*"
          element={
            <Result
              status="404"
              title="页面不存在"
              extra={
                <Link to="/">
                  <Button type="primary">返回工作台</Button>
                </Link>
              }
            />
          }
        />
      </Route>
    </Routes>
  );
}
