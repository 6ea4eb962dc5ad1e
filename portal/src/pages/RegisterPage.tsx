import { checkIdNumber, PHONE_PATTERN, shanghaiDate } from '@matterflow/schemas';
import { useState, type FormEvent } from 'react';
import { register, type Registration } from '../account/accountActions';
import { nextPath, withNext } from '../account/nextPath';
import { TextField } from '../account/TextField';
import { ApiError } from '../api/getJson';
import { fieldErrorsOf } from '../api/fieldErrorsOf';
import { useAccountForm } from '../account/useAccountForm';
import { Link } from '../routing/Link';
import { navigate } from '../routing/useLocation';

const FIELDS = ['name', 'idNumber', 'phone', 'password'] as const;
type Field = (typeof FIELDS)[number];

/** The rule the platform holds a citizen's password to (identity/registerCitizen), shown before typing. */
const PASSWORD_RULE = '至少 8 位，不能全是数字，不能与身份证号相同';

/**
 * What can be told before sending: empty fields, the 身份证号 (the same check the platform runs,
 * from @matterflow/schemas) and the phone number. The platform checks everything again.
 */
function checkBeforeSending(values: Registration): Partial<Record<Field, string>> {
  const found: Partial<Record<Field, string>> = {};
  if (values.name.trim() === '') found.name = '请填写姓名';
  if (values.idNumber.trim() === '') found.idNumber = '请填写身份证号';
  else {
    const issue = checkIdNumber(values.idNumber, shanghaiDate(new Date()));
    if (issue) found.idNumber = issue.message;
  }
  if (values.phone.trim() === '') found.phone = '请填写手机号码';
  else if (!PHONE_PATTERN.test(values.phone.replace(/[\s-]/g, ''))) found.phone = '请填写 11 位手机号码';
  if (values.password === '') found.password = '请设置密码';
  else if (values.password.length < 8) found.password = '密码至少 8 个字符';
  return found;
}

/** 注册: 姓名, 身份证号, 手机号 and a password; registering logs the citizen in. */
export function RegisterPage({ query }: { query: URLSearchParams }) {
  const next = nextPath(query);
  const { values, errors, isSending, setIsSending, show, bind, formError } = useAccountForm<Field>(FIELDS, {
    name: '',
    idNumber: '',
    phone: '',
    password: '',
  });
  const [isExisting, setIsExisting] = useState(false);
  const [isPasswordShown, setIsPasswordShown] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setIsExisting(false);
    const found = checkBeforeSending(values);
    if (Object.keys(found).length > 0) return show({ fields: found });
    setIsSending(true);
    try {
      await register(values);
      navigate(next, { replace: true });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'CITIZEN_EXISTS') {
        setIsExisting(true);
        show({ fields: { idNumber: error.message } });
      } else show(fieldErrorsOf(error, FIELDS));
    } finally {
      setIsSending(false);
    }
  };

  return (
    <div className="account-page">
      <h1 className="page-title">注册</h1>
      <p className="muted">请使用本人居民身份证信息注册，注册后即可在线办理事项、查看我的办件。</p>
      <form className="account-form" noValidate onSubmit={submit}>
        {errors.form && (
          <div className="notice notice-error" role="alert" tabIndex={-1} ref={formError}>
            {errors.form}
          </div>
        )}
        <TextField {...bind('name')} label="姓名" hint="与身份证上一致；少数民族姓名中的“·”可直接输入" autoComplete="name" />
        <TextField
          {...bind('idNumber')}
          label="身份证号"
          hint="18 位，末位可能是 X；注册后用它登录"
          autoComplete="username"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={20}
        />
        {isExisting && (
          <p className="account-existing">
            <Link to={withNext('/login', next)}>用该身份证号登录</Link>
          </p>
        )}
        <TextField {...bind('phone')} label="手机号码" type="tel" inputMode="tel" autoComplete="tel-national" />
        <TextField
          {...bind('password')}
          label="设置密码"
          hint={PASSWORD_RULE}
          type={isPasswordShown ? 'text' : 'password'}
          autoComplete="new-password"
        />
        <div className="option account-show-password">
          <input
            id="show-password"
            type="checkbox"
            checked={isPasswordShown}
            onChange={(event) => setIsPasswordShown(event.target.checked)}
          />
          <label htmlFor="show-password">显示密码</label>
        </div>
        <button type="submit" className="button button-primary button-block" disabled={isSending}>
          {isSending ? '正在注册…' : '注册并登录'}
        </button>
      </form>
      <p className="account-switch">
        已有账号？<Link to={withNext('/login', next)}>登录</Link>
      </p>
    </div>
  );
}
