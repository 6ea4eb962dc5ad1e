import { Alert, Button, Descriptions, Drawer, Form } from 'antd';
import { useEffect, useState } from 'react';
import { api, ApiError } from '../api/api';
import { AccountFields } from './AccountFields';
import type { DepartmentRecord } from './DepartmentRecord';
import { DRAWER_SIZE } from './drawerSize';
import { EnableToggle } from './EnableToggle';
import { fieldErrors } from './fieldErrors';
import { accountChanges, isDepartmentRole, type StaffAccount } from './staffAccount';

interface Edits {
  displayName: string;
  role: string;
  departmentCode?: string | null;
}

const FIELDS = ['displayName', 'role', 'departmentCode'] as const;

type Notice = { tone: 'error' | 'warning' | 'success'; title: string; lines?: string[] };

/**
 * One account's name, role and department, and disabling it. Saves carry the revision read: when
 * another administrator saved in between, the platform refuses, and the drawer says what they
 * changed and continues from their version.
 */
export function UserEditDrawer({
  account,
  departments,
  onClose,
  onSaved,
}: {
  account: StaffAccount | null;
  departments: readonly DepartmentRecord[];
  onClose: () => void;
  onSaved: (account: StaffAccount) => void;
}) {
  const [form] = Form.useForm<Edits>();
  const [current, setCurrent] = useState<StaffAccount | null>(account);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [isSaving, setSaving] = useState(false);
  useEffect(() => {
    setCurrent(account);
    setNotice(null);
    if (account) form.setFieldsValue(account);
  }, [account, form]);
  const save = async (edits: Edits, isDisabled: boolean) => {
    if (!current) return;
    setSaving(true);
    setNotice(null);
    try {
      const saved = await api.put<StaffAccount>(`/api/users/${current.id}`, {
        revision: current.revision,
        displayName: edits.displayName.trim(),
        role: edits.role,
        departmentCode: isDepartmentRole(edits.role) ? (edits.departmentCode ?? null) : null,
        isDisabled,
      });
      setCurrent(saved);
      form.setFieldsValue(saved);
      const title = saved.isDisabled === current.isDisabled ? '已保存' : saved.isDisabled ? '已停用，该用户已退出登录' : '已启用';
      setNotice({ tone: 'success', title });
      onSaved(saved);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const latest = (error.details as { current?: StaffAccount } | undefined)?.current;
      if (error.code === 'USER_REVISION_CONFLICT' && latest) {
        setNotice({
          tone: 'warning',
          title: '其他管理员刚修改了这个账号，已载入其最新内容，请核对后再保存',
          lines: accountChanges(current, latest),
        });
        setCurrent(latest);
        form.setFieldsValue(latest);
        onSaved(latest);
        return;
      }
      const placed = fieldErrors(error.issues, FIELDS);
      form.setFields(placed.fields);
      if (placed.fields.length === 0 || placed.rest.length > 0)
        setNotice({ tone: 'error', title: placed.fields.length > 0 ? placed.rest.join('；') : error.message });
    } finally {
      setSaving(false);
    }
  };
  const toggle = async () => save(await form.validateFields(), !current?.isDisabled);
  return (
    <Drawer
      title={current ? `编辑用户 ${current.username}` : '编辑用户'}
      open={account !== null}
      onClose={onClose}
      size={DRAWER_SIZE}
      extra={
        <Button type="primary" loading={isSaving} onClick={() => form.submit()}>
          保存
        </Button>
      }
      footer={
        current && (
          <EnableToggle
            thing="账号"
            name={current.username}
            isDisabled={current.isDisabled}
            onDisable="停用后该用户立即退出登录（所有会话随即结束），且不能再登录；其记录保留。"
            onEnable="启用后该用户可以用原密码登录。"
            onConfirm={toggle}
          />
        )
      }
    >
      {notice && (
        <Alert
          type={notice.tone}
          showIcon
          title={notice.title}
          description={notice.lines && notice.lines.length > 0 ? notice.lines.join('；') : undefined}
          className="page-alert"
        />
      )}
      {current && (
        <Descriptions
          size="small"
          column={1}
          className="system-account-facts"
          items={[
            { key: 'username', label: '用户名', children: current.username },
            { key: 'status', label: '状态', children: current.isDisabled ? '已停用' : '在用' },
          ]}
        />
      )}
      <Form form={form} layout="vertical" onFinish={(edits) => save(edits, current?.isDisabled ?? false)}>
        <AccountFields departments={departments} />
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Drawer>
  );
}
