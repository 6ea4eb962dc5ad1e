import { Alert, Table, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { api } from '../api/api';
import { ScrollRegion } from '../components/ScrollRegion';
import { ToneTag } from '../components/StatusTag';
import { useStaffUser } from '../session/SessionProvider';
import { PageFrame } from '../shell/PageFrame';
import { useLoad } from '../useLoad';
import type { PluginSummary } from './pluginTypes';
import { failureRate } from './pluginWords';
import { UploadCard } from './UploadCard';
import './plugins.css';

/**
 * 插件管理: the plugins a department admin's department ships (a sysadmin sees all), each with the
 * version serving and its calls at a glance, and the upload of a new version with its check.
 */
export function PluginsPage() {
  const user = useStaffUser();
  const plugins = useLoad(() => api.get<{ items: PluginSummary[] }>('/api/plugins').then((answer) => answer.items), []);
  const columns: TableColumnsType<PluginSummary> = [
    {
      key: 'id',
      title: '插件',
      render: (_, row) => (
        <>
          <Link to={`/plugins/${row.id}`} className="matter-code">
            {row.id}
          </Link>
          <div>{row.description}</div>
        </>
      ),
    },
    { key: 'department', title: '部门', dataIndex: 'departmentName' },
    {
      key: 'enabled',
      title: '启用版本',
      render: (_, row) =>
        row.enabledVersion ? <ToneTag tone="success">{row.enabledVersion}</ToneTag> : <ToneTag tone="neutral">未启用</ToneTag>,
    },
    { key: 'versions', title: '版本数', align: 'right', render: (_, row) => row.versionCount },
    { key: 'calls', title: '调用次数', align: 'right', render: (_, row) => row.calls.toLocaleString('zh-CN') },
    {
      key: 'failures',
      title: '失败率',
      align: 'right',
      render: (_, row) =>
        row.failures > 0 ? (
          <Typography.Text type="danger">
            {failureRate(row)}（{row.failures} 次）
          </Typography.Text>
        ) : (
          failureRate(row)
        ),
    },
  ];
  return (
    <PageFrame title="插件管理" crumbs={[{ title: '插件管理' }]}>
      <Typography.Paragraph>
        {user.role === 'sysadmin'
          ? '各部门的插件。部门管理员上传和启用插件；系统管理员为插件授予外部接口和参考数据表。'
          : '本部门的插件：上传新版本后平台先做类型检查、编译并运行示例，通过后才能启用。'}
      </Typography.Paragraph>
      {user.role === 'dept_admin' && <UploadCard onUploaded={plugins.reload} />}
      {plugins.status === 'failed' && <Alert type="error" showIcon title={plugins.error.message} className="page-alert" />}
      <ScrollRegion label="插件列表">
        <Table<PluginSummary>
          rowKey="id"
          size="middle"
          loading={plugins.status === 'loading'}
          columns={columns}
          dataSource={plugins.value ?? []}
          locale={{ emptyText: '还没有插件' }}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 个插件` }}
        />
      </ScrollRegion>
    </PageFrame>
  );
}
