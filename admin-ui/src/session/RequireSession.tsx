import { Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from './SessionProvider';

/**
 * Screens behind a staff sign-in. Signed out (or expired), the clerk goes to the login page and
 * comes back to the same screen afterwards. Citizens are sent to the portal.
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const { session, logout } = useSession();
  const location = useLocation();
  if (session.status === 'loading')
    return (
      <div className="centered">
        <Spin size="large" description="正在确认登录状态…">
          <div className="spin-space" />
        </Spin>
      </div>
    );
  if (session.status === 'signedOut') {
    const next = encodeURIComponent(`${location.pathname}${location.search}`);
    return <Navigate to={`/login?next=${next}${session.hasExpired ? '&expired=1' : ''}`} replace />;
  }
  if (session.user.role === 'citizen')
    return (
      <Result
        status="403"
        title="这是工作人员系统"
        subTitle="申请人请到政务服务网办理事项。"
        extra={[
          <Button key="portal" type="primary" href="/">
            前往政务服务网
          </Button>,
          <Button key="logout" onClick={() => void logout()}>
            退出登录
          </Button>,
        ]}
      />
    );
  return children;
}
