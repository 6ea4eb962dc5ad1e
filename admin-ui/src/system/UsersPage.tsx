import { roleLabel } from '@matterflow/schemas';
import { Alert, Button, Input, Select, Space, Table, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, queryOf } from '../api/api';
import { ToneTag } from '../components/StatusTag';
import { PageFrame } from '../shell/PageFrame';
import { useLoad } from '../useLoad';
import { loadAllDepartments } from './DepartmentRecord';
import { PasswordModal } from './PasswordModal';
import { roleOptions, type AccountPage, type StaffAccount } from './staffAccount';
import { UserCreateDrawer } from './UserCreateDrawer';
import { UserEditDrawer } from './UserEditDrawer';

const FILTERS = ['q', 'role', 'department', 'disabled', 'page'] as const;
type Filter = (typeof FILTERS)[number];

/**
 * Staff accounts for the system administrator: who may sign in, as what, in which department. The
 * filters live in the address; creating, editing and password resets open over the list so the
 * clerk keeps their place.
 */
export function UsersPage() {
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(FILTERS.map((key) => [key, params.get(key) ?? undefined])) as Record<
    Filter,
    string | undefined
  >;
  const page = Number(filters.page ?? 1);
  const [isCreating, setCreating] = useState(false);
  const [editing, setEditing] = useState<StaffAccount | null>(null);
  const [resetting, setResetting] = useState<StaffAccount | null>(null);
  const departments = useLoad(loadAllDepartments, []);
  const rows = useLoad(
    () => api.get<AccountPage>(`/api/users${queryOf({ ...filters, page, pageSize: 20 })}`),
    [JSON.stringify(filters)],
  );
  const setFilter = (key: Filter, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'page') next.delete('page');
    setParams(next);
  };
  const columns: TableColumnsType<StaffAccount> = [
    { key: 'username', title: '用户名', render: (_, row) => <span className="matter-code">{row.username}</span> },
    { key: 'displayName', title: '姓名', dataIndex: 'displayName' },
    { key: 'role', title: '角色', render: (_, row) => roleLabel(row.role) },
    { key: 'department', title: '部门', render: (_, row) => row.departmentName ?? '—' },
    {
      key: 'status',
      title: '状态',
      render: (_, row) => (row.isDisabled ? <ToneTag tone="error">已停用</ToneTag> : <ToneTag tone="success">在用</ToneTag>),
    },
    { key: 'updatedAt', title: '更新时间', render: (_, row) => dayjs(row.updatedAt).format('YYYY年M月D日 HH:mm') },
    {
      key: 'actions',
      title: '操作',
      render: (_, row) => (
        <Space size={0}>
          <Button type="link" onClick={() => setEditing(row)} aria-label={`编辑 ${row.username}`}>
            编辑
          </Button>
          <Button type="link" onClick={() => setResetting(row)} aria-label={`重置密码 ${row.username}`}>
            重置密码
          </Button>
        </Space>
      ),
    },
  ];
  const departmentOptions = (departments.value ?? []).map((d) => ({ value: d.code, label: d.name }));
  return (
    <PageFrame
      title="用户"
      crumbs={[{ title: '用户' }]}
      extra={
        <Button type="primary" onClick={() => setCreating(true)}>
          新建用户
        </Button>
      }
    >
      <Space wrap className="filters" role="search" aria-label="筛选用户">
        <Input.Search
          allowClear
          aria-label="按用户名或姓名检索"
          placeholder="用户名或姓名"
          defaultValue={filters.q}
          onSearch={(value) => setFilter('q', value.trim() || undefined)}
          style={{ width: 220 }}
        />
        <Select
          allowClear
          aria-label="角色"
          placeholder="全部角色"
          value={filters.role}
          onChange={(value?: string) => setFilter('role', value)}
          options={roleOptions()}
          style={{ width: 150 }}
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          aria-label="部门"
          placeholder="全部部门"
          value={filters.department}
          onChange={(value?: string) => setFilter('department', value)}
          options={departmentOptions}
          style={{ width: 220 }}
        />
        <Select
          allowClear
          aria-label="状态"
          placeholder="全部状态"
          value={filters.disabled}
          onChange={(value?: string) => setFilter('disabled', value)}
          options={[
            { value: 'false', label: '在用' },
            { value: 'true', label: '已停用' },
          ]}
          style={{ width: 120 }}
        />
      </Space>
      {rows.status === 'failed' && <Alert type="error" showIcon title={rows.error.message} className="page-alert" />}
      <Table<StaffAccount>
        rowKey="id"
        size="middle"
        loading={rows.status === 'loading'}
        columns={columns}
        dataSource={rows.value?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: page,
          pageSize: rows.value?.pageSize ?? 20,
          total: rows.value?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => `共 ${total} 个账号`,
          onChange: (next) => setFilter('page', String(next)),
        }}
      />
      <UserCreateDrawer
        open={isCreating}
        departments={departments.value ?? []}
        onClose={() => setCreating(false)}
        onCreated={() => {
          setCreating(false);
          rows.reload();
        }}
      />
      <UserEditDrawer
        account={editing}
        departments={departments.value ?? []}
        onClose={() => setEditing(null)}
        onSaved={() => rows.reload()}
      />
      <PasswordModal account={resetting} onClose={() => setResetting(null)} />
    </PageFrame>
  );
}
