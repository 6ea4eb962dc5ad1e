import { Alert, Button, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { ToneTag } from '../components/StatusTag';
import { PageFrame } from '../shell/PageFrame';
import { useLoad } from '../useLoad';
import { DepartmentDrawer } from './DepartmentDrawer';
import { loadAllDepartments, type DepartmentRecord } from './DepartmentRecord';

/** The centre's departments, disabled ones included: staff, matters and applications point at them. */
export function DepartmentsPage() {
  const departments = useLoad(loadAllDepartments, []);
  const [editing, setEditing] = useState<DepartmentRecord | 'new' | null>(null);
  const columns: TableColumnsType<DepartmentRecord> = [
    { key: 'name', title: '部门全称', dataIndex: 'name' },
    { key: 'shortName', title: '简称', render: (_, row) => row.shortName ?? '—' },
    { key: 'code', title: '统一社会信用代码', render: (_, row) => <span className="matter-code">{row.code}</span> },
    { key: 'region', title: '行政区划', dataIndex: 'region' },
    {
      key: 'status',
      title: '状态',
      render: (_, row) => (row.isDisabled ? <ToneTag tone="error">已停用</ToneTag> : <ToneTag tone="success">在用</ToneTag>),
    },
    {
      key: 'actions',
      title: '操作',
      render: (_, row) => (
        <Button type="link" onClick={() => setEditing(row)} aria-label={`编辑 ${row.name}`}>
          编辑
        </Button>
      ),
    },
  ];
  const rows = departments.value ?? [];
  return (
    <PageFrame
      title="部门"
      crumbs={[{ title: '部门' }]}
      extra={
        <Button type="primary" onClick={() => setEditing('new')}>
          新建部门
        </Button>
      }
    >
      {departments.status === 'failed' && (
        <Alert type="error" showIcon title={departments.error.message} className="page-alert" />
      )}
      <Table<DepartmentRecord>
        rowKey="code"
        size="middle"
        loading={departments.status === 'loading'}
        columns={columns}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 个部门` }}
      />
      <DepartmentDrawer
        open={editing !== null}
        department={editing === 'new' ? null : editing}
        defaultRegion={rows[0]?.region}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          departments.reload();
        }}
      />
    </PageFrame>
  );
}
