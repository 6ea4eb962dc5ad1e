import type { FormEvent } from 'react';
import { logIn } from '../account/accountActions';
import { nextPath, withNext } from '../account/nextPath';
import { TextField } from '../account/TextField';
import { fieldErrorsOf } from '../api/fieldErrorsOf';
import { useAccountForm } from '../account/useAccountForm';
import { Link } from '../routing/Link';
import { navigate } from '../routing/useLocation';

const FIELDS = ['username', 'password'] as const;
type Field = (typeof FIELDS)[number];

/** 登录: citizens with their 身份证号, staff (a window clerk filing for someone) with their user name. */
export function LoginPage({ query }: { query: URLSearchParams }) {
  const next = nextPath(query);
  const { values, errors, isSending, setIsSending, show, bind, formError } = useAccountForm(FIELDS, {
    username: '',
    password: '',
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: Partial<Record<Field, string>> = {};
    if (values.username.trim() === '') missing.username = '请填写身份证号或用户名';
    if (values.password === '') missing.password = '请填写密码';
    if (Object.keys(missing).length > 0) return show({ fields: missing });
    setIsSending(true);
    try {
      await logIn(values.username, values.password);
      navigate(next, { replace: true });
    } catch (error) {
      show(fieldErrorsOf(error, FIELDS));
    } finally {
      setIsSending(false);
    }
  };

  return (
    <div className="account-page">
      <h1 className="page-title">登录</h1>
      <form className="account-form" noValidate onSubmit={submit}>
        {errors.form && (
          <div className="notice notice-error" role="alert" tabIndex={-1} ref={formError}>
            {errors.form}
          </div>
        )}
        <TextField
          {...bind('username')}
          label="身份证号或用户名"
          hint="群众请填写 18 位身份证号；工作人员填写用户名"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
        />
        <TextField {...bind('password')} label="密码" type="password" autoComplete="current-password" />
        <button type="submit" className="button button-primary button-block" disabled={isSending}>
          {isSending ? '正在登录…' : '登录'}
        </button>
      </form>
      <p className="account-switch">
        还没有账号？<Link to={withNext('/register', next)}>注册</Link>
      </p>
    </div>
  );
}
