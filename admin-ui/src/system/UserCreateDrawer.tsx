import { Alert, Button, Drawer, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../api/api';
import { AccountFields } from './AccountFields';
import type { DepartmentRecord } from './DepartmentRecord';
import { DRAWER_SIZE } from './drawerSize';
import { fieldErrors } from './fieldErrors';
import { MIN_PASSWORD_LENGTH, PASSWORD_RULE, isDepartmentRole, type StaffAccount } from './staffAccount';

interface NewAccount {
  username: string;
  displayName: string;
  role: string;
  departmentCode?: string | null;
  password: string;
}

const FIELDS = ['username', 'displayName', 'role', 'departmentCode', 'password'] as const;

/** A new staff account: the same rules as the command line's user:create, checked again by the platform. */
export function UserCreateDrawer({
  open,
  departments,
  onClose,
  onCreated,
}: {
  open: boolean;
  departments: readonly DepartmentRecord[];
  onClose: () => void;
  onCreated: (account: StaffAccount) => void;
}) {
  const [form] = Form.useForm<NewAccount>();
  const [problem, setProblem] = useState<string[]>([]);
  const [isSaving, setSaving] = useState(false);
  const submit = async (values: NewAccount) => {
    setSaving(true);
    setProblem([]);
    try {
      const account = await api.post<StaffAccount>('/api/users', {
        ...values,
        displayName: values.displayName.trim(),
        departmentCode: isDepartmentRole(values.role) ? (values.departmentCode ?? null) : null,
      });
      form.resetFields();
      onCreated(account);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.code === 'USER_EXISTS') form.setFields([{ name: 'username', errors: [error.message] }]);
      else {
        const placed = fieldErrors(error.issues, FIELDS);
        form.setFields(placed.fields);
        setProblem(placed.fields.length > 0 ? placed.rest : [error.message, ...placed.rest]);
      }
    } finally {
      setSaving(false);
    }
  };
  return (
    <Drawer
      title="新建用户"
      open={open}
      onClose={onClose}
      size={DRAWER_SIZE}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={isSaving} onClick={() => form.submit()}>
            创建
          </Button>
        </Space>
      }
    >
      {problem.length > 0 && <Alert type="error" showIcon title={problem.join('；')} className="page-alert" />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ role: 'window' }}>
        <Form.Item
          name="username"
          label="用户名"
          extra="小写字母开头，3-32 位小写字母、数字或下划线；创建后不能修改"
          rules={[
            { required: true, message: '请填写用户名' },
            { pattern: /^[a-z][a-z0-9_]{2,31}$/, message: '用户名须以小写字母开头，由 3-32 位小写字母、数字或下划线组成' },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <AccountFields departments={departments} />
        <Form.Item
          name="password"
          label="初始密码"
          extra={PASSWORD_RULE}
          rules={[
            { required: true, message: '请设置初始密码' },
            { min: MIN_PASSWORD_LENGTH, message: `密码至少 ${MIN_PASSWORD_LENGTH} 个字符` },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Drawer>
  );
}
