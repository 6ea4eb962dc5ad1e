import { useRef, useState, type FormEvent } from 'react';
import { logIn } from '../account/accountActions';
import { nextPath, withNext } from '../account/nextPath';
import { TextField } from '../account/TextField';
import { fieldErrorsOf, type FormErrors } from '../api/fieldErrorsOf';
import { Link } from '../routing/Link';
import { navigate } from '../routing/useLocation';

const FIELDS = ['username', 'password'] as const;
type Field = (typeof FIELDS)[number];

/** 登录: citizens with their 身份证号, staff (a window clerk filing for someone) with their user name. */
export function LoginPage({ query }: { query: URLSearchParams }) {
  const next = nextPath(query);
  const [values, setValues] = useState<Record<Field, string>>({ username: '', password: '' });
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [isSending, setIsSending] = useState(false);
  const refs = { username: useRef<HTMLInputElement>(null), password: useRef<HTMLInputElement>(null) };
  const formError = useRef<HTMLParagraphElement>(null);

  const change = (field: Field) => (value: string) => setValues((current) => ({ ...current, [field]: value }));

  const show = (found: FormErrors) => {
    setErrors(found);
    const first = FIELDS.find((field) => found.fields[field]);
    // Focus goes where the problem is, so a screen reader hears it and a phone scrolls to it.
    if (first) refs[first].current?.focus();
    else requestAnimationFrame(() => formError.current?.focus());
  };

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
          <p className="notice notice-error" role="alert" tabIndex={-1} ref={formError}>
            {errors.form}
          </p>
        )}
        <TextField
          name="username"
          label="身份证号或用户名"
          hint="群众请填写 18 位身份证号；工作人员填写用户名"
          value={values.username}
          onChange={change('username')}
          error={errors.fields.username}
          inputRef={refs.username}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
        />
        <TextField
          name="password"
          label="密码"
          type="password"
          value={values.password}
          onChange={change('password')}
          error={errors.fields.password}
          inputRef={refs.password}
          autoComplete="current-password"
        />
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
