import { checkIdNumber, PHONE_PATTERN, shanghaiDate } from '@matterflow/schemas';
import { useState, type FormEvent } from 'react';
import { TextField } from '../account/TextField';
import { ApiError } from '../api/getJson';
import { intakeApi } from '../api/intakeApi';
import { navigate } from '../routing/useLocation';

type Field = 'name' | 'idNumber' | 'phone';

function checkApplicant(values: Record<Field, string>): Partial<Record<Field, string>> {
  const found: Partial<Record<Field, string>> = {};
  if (values.name.trim() === '') found.name = '请填写申请人姓名';
  const idIssue =
    values.idNumber.trim() === ''
      ? { message: '请填写申请人身份证号' }
      : checkIdNumber(values.idNumber, shanghaiDate(new Date()));
  if (idIssue) found.idNumber = idIssue.message;
  if (!PHONE_PATTERN.test(values.phone.replace(/[\s-]/g, ''))) found.phone = '请填写申请人的 11 位手机号码';
  return found;
}

/**
 * 代办: a window clerk names the citizen they file for, then fills the same apply page. The
 * platform records the draft as filed on the citizen's behalf (and links their account if any).
 */
export function OnBehalfStart({ code, query }: { code: string; query: URLSearchParams }) {
  const [values, setValues] = useState<Record<Field, string>>({ name: '', idNumber: '', phone: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<string | undefined>();
  const [isSending, setIsSending] = useState(false);
  const change = (field: Field) => (value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  };
  const start = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(undefined);
    const found = checkApplicant(values);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setIsSending(true);
    try {
      const answers = Object.fromEntries([...query.entries()].filter(([key]) => key !== 'preview'));
      const draft = await intakeApi.createDraft({
        matterCode: code,
        ...(Object.keys(answers).length > 0 ? { answers } : {}),
        onBehalfOf: { name: values.name.trim(), idNumber: values.idNumber.trim(), phone: values.phone.replace(/[\s-]/g, '') },
      });
      navigate(`/drafts/${encodeURIComponent(draft.id)}`, { replace: true });
    } catch (error) {
      if (error instanceof ApiError && error.issues.length > 0) {
        const byField: Partial<Record<Field, string>> = {};
        for (const issue of error.issues) {
          const field = issue.pointer.split('/')[2] as Field | undefined;
          if (field && ['name', 'idNumber', 'phone'].includes(field)) byField[field] = issue.message;
        }
        setErrors(byField);
      }
      setFailure(error instanceof Error ? error.message : '无法开始代办');
    } finally {
      setIsSending(false);
    }
  };
  return (
    <form className="section on-behalf" onSubmit={(event) => void start(event)} noValidate>
      <h2>代办：申请人信息</h2>
      <p className="muted">窗口工作人员为申请人代为填报，提交后记录为代办。</p>
      <TextField
        name="onBehalf-name"
        label="申请人姓名"
        value={values.name}
        onChange={change('name')}
        error={errors.name}
        autoComplete="off"
      />
      <TextField
        name="onBehalf-idNumber"
        label="申请人身份证号"
        value={values.idNumber}
        onChange={change('idNumber')}
        error={errors.idNumber}
        autoComplete="off"
        inputMode="text"
      />
      <TextField
        name="onBehalf-phone"
        label="申请人手机号码"
        value={values.phone}
        onChange={change('phone')}
        error={errors.phone}
        autoComplete="off"
        inputMode="tel"
      />
      {failure && (
        <p className="notice notice-error" role="alert">
          {failure}
        </p>
      )}
      <button type="submit" className="button button-primary button-block" disabled={isSending}>
        {isSending ? '正在开始…' : '开始代办'}
      </button>
    </form>
  );
}
