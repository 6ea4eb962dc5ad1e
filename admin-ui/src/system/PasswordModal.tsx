import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../api/api';
import { fieldErrors } from './fieldErrors';
import { MIN_PASSWORD_LENGTH, PASSWORD_RULE, type StaffAccount } from './staffAccount';

/** A new password for a staff member; the platform ends their sessions, so the modal says so. */
export function PasswordModal({ account, onClose }: { account: StaffAccount | null; onClose: () => void }) {
  const [form] = Form.useForm<{ password: string }>();
  const { message } = App.useApp();
  const [problem, setProblem] = useState<string | null>(null);
  const [isSaving, setSaving] = useState(false);
  const submit = async ({ password }: { password: string }) => {
    if (!account) return;
    setSaving(true);
    setProblem(null);
    try {
      await api.post(`/api/users/${account.id}/password`, { password });
      void message.success(`已重置 ${account.username} 的密码，其登录已全部结束`);
      form.resetFields();
      onClose();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const placed = fieldErrors(error.issues, ['password'] as const);
      form.setFields(placed.fields);
      if (placed.fields.length === 0) setProblem(error.message);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      title={account ? `重置 ${account.username}（${account.displayName}）的密码` : '重置密码'}
      open={account !== null}
      okText="重置"
      cancelText="取消"
      confirmLoading={isSaving}
      onOk={() => form.submit()}
      onCancel={() => {
        form.resetFields();
        onClose();
      }}
      destroyOnHidden
    >
      <p>重置后该用户的所有登录随即结束，须用新密码重新登录。请当面或以其他安全方式把新密码交给本人。</p>
      {problem && <Alert type="error" showIcon title={problem} className="page-alert" />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="password"
          label="新密码"
          extra={PASSWORD_RULE}
          rules={[
            { required: true, message: '请填写新密码' },
            { min: MIN_PASSWORD_LENGTH, message: `密码至少 ${MIN_PASSWORD_LENGTH} 个字符` },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
