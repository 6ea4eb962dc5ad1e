import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { ApiError } from '../api/api';
import { useSession } from '../session/SessionProvider';

/** Only paths inside the staff app: a `next` pointing elsewhere would make the login an open redirect. */
export const safeNext = (next: string | null): string => (next && /^\/(?!\/)/.test(next) ? next : '/');

export function LoginPage() {
  const { session, login } = useSession();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  useEffect(() => {
    document.title = '登录 - 事项通';
  }, []);
  if (session.status === 'signedIn') return <Navigate to={safeNext(params.get('next'))} replace />;
  const submit = async ({ username, password }: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await login(username.trim(), password);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : '登录失败，请稍后重试');
    } finally {
      setBusy(false);
    }
  };
  return (
    <main className="login-page" id="main">
      <Card className="login-card">
        <Typography.Title level={1} className="login-title">
          事项通 · 工作人员登录
        </Typography.Title>
        {params.get('expired') && !error && (
          <Alert type="warning" showIcon className="login-alert" title="登录已过期，请重新登录；未保存的修改请在登录后重做。" />
        )}
        {error && <Alert type="error" showIcon className="login-alert" title={error} role="alert" />}
        <Form layout="vertical" onFinish={(values) => void submit(values)} requiredMark={false}>
          <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input autoComplete="username" size="large" autoFocus />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={isBusy}>
            登录
          </Button>
        </Form>
      </Card>
    </main>
  );
}
