import { Alert, Button, Descriptions, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { api } from '../api/api';
import { ScrollRegion } from '../components/ScrollRegion';
import { useLoad } from '../useLoad';
import type { PluginFailureRecord, VersionHealth } from './pluginTypes';
import { failureRate, failureWord, hookWord } from './pluginWords';

const ms = (value: number | null) => (value === null ? '—' : `${value.toLocaleString('zh-CN', { maximumFractionDigits: 1 })} ms`);

/**
 * How one version is doing: calls, failures, latency and its last errors with the case they
 * happened on. The platform keeps counts in memory for a few seconds before writing them, so
 * 刷新 may be needed right after a call.
 */
export function HealthView({ pluginId, version }: { pluginId: string; version: string }) {
  const health = useLoad(
    () => api.get<VersionHealth>(`/api/plugins/${pluginId}/versions/${version}/health`),
    [pluginId, version],
  );
  if (health.status === 'failed') return <Alert type="error" showIcon title={health.error.message} />;
  const value = health.value;
  return (
    <Space orientation="vertical" size="middle" className="plugin-block">
      <Space wrap>
        <Typography.Text>{version} 的调用情况（统计数据每隔几秒写入一次）</Typography.Text>
        <Button size="small" onClick={health.reload} loading={health.status === 'loading'}>
          刷新
        </Button>
      </Space>
      {value && (
        <>
          <Descriptions size="small" bordered column={{ xs: 1, sm: 2, lg: 5 }}>
            <Descriptions.Item label="调用次数">{value.calls.toLocaleString('zh-CN')}</Descriptions.Item>
            <Descriptions.Item label="失败次数">{value.failures.toLocaleString('zh-CN')}</Descriptions.Item>
            <Descriptions.Item label="失败率">{failureRate(value)}</Descriptions.Item>
            <Descriptions.Item label="耗时中位数（p50）">{ms(value.p50Ms)}</Descriptions.Item>
            <Descriptions.Item label="耗时 p95">{ms(value.p95Ms)}</Descriptions.Item>
          </Descriptions>
          {value.hooks.length > 1 && (
            <ScrollRegion label="各钩子的调用">
              <Table
                size="small"
                rowKey="hook"
                pagination={false}
                dataSource={value.hooks}
                columns={[
                  { key: 'hook', title: '钩子', render: (_, h) => hookWord(h.hook) },
                  { key: 'calls', title: '调用次数', align: 'right', render: (_, h) => h.calls.toLocaleString('zh-CN') },
                  { key: 'failures', title: '失败次数', align: 'right', render: (_, h) => h.failures.toLocaleString('zh-CN') },
                  { key: 'p50', title: 'p50', align: 'right', render: (_, h) => ms(h.p50Ms) },
                  { key: 'p95', title: 'p95', align: 'right', render: (_, h) => ms(h.p95Ms) },
                ]}
              />
            </ScrollRegion>
          )}
          <Typography.Title level={3} className="plugin-subtitle">
            最近的错误
          </Typography.Title>
          <ScrollRegion label="最近的错误">
            <Table<PluginFailureRecord & { key: number }>
              size="small"
              pagination={value.lastErrors.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
              locale={{ emptyText: '没有失败的调用' }}
              dataSource={value.lastErrors.map((failure, key) => ({ ...failure, key }))}
              columns={[
                { key: 'at', title: '时间', render: (_, f) => dayjs(f.at).format('YYYY-MM-DD HH:mm:ss') },
                { key: 'hook', title: '钩子', render: (_, f) => hookWord(f.hook) },
                { key: 'kind', title: '类型', render: (_, f) => failureWord(f.kind) },
                { key: 'message', title: '信息', dataIndex: 'message' },
                {
                  key: 'case',
                  title: '办件/申请',
                  render: (_, f) => (f.caseNumber ? <Link to={`/cases/${f.caseNumber}`}>{f.caseNumber}</Link> : '—'),
                },
              ]}
            />
          </ScrollRegion>
        </>
      )}
    </Space>
  );
}
