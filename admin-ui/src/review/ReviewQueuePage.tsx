import { Alert, Badge, Space, Table, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { api } from '../api/api';
import { findingCounts, type QualityReport } from '../catalog/catalogTypes';
import { ToneTag } from '../components/StatusTag';
import { PageFrame } from '../shell/PageFrame';
import { useLoad } from '../useLoad';
import { loadReviewQueue, type QueueRow } from './reviewQueue';
import { ScrollRegion } from '../components/ScrollRegion';

/** Legal's queue: every version waiting in review, the longest wait first, with its open findings. */
export function ReviewQueuePage() {
  const queue = useLoad(loadReviewQueue, []);
  const quality = useLoad(() => api.get<QualityReport>('/api/catalog/quality?status=in_review'), []);
  const counts = useMemo(() => findingCounts(quality.value), [quality.value]);
  const columns: TableColumnsType<QueueRow> = [
    {
      key: 'name',
      title: '事项名称',
      render: (_, row) => <Link to={`/review/${row.code}/${row.version}`}>{row.name}</Link>,
    },
    { key: 'code', title: '实施编码', render: (_, row) => <span className="matter-code">{row.code}</span> },
    { key: 'department', title: '实施主体', dataIndex: 'departmentName' },
    { key: 'version', title: '版本', render: (_, row) => `第 ${row.version} 版`, width: 90 },
    {
      key: 'submittedAt',
      title: '提交时间',
      render: (_, row) => (row.submittedAt ? dayjs(row.submittedAt).format('YYYY年M月D日 HH:mm') : '—'),
    },
    {
      key: 'quality',
      title: '质量问题',
      render: (_, row) => {
        const count = counts.get(row.code);
        if (!count) return quality.status === 'ready' ? <Badge status="success" text="无" /> : null;
        return (
          <Space size={4}>
            {count.error > 0 && <ToneTag tone="error">错误 {count.error}</ToneTag>}
            {count.warning > 0 && <ToneTag tone="warning">提示 {count.warning}</ToneTag>}
          </Space>
        );
      },
    },
  ];
  return (
    <PageFrame title="审核队列" crumbs={[{ title: '审核队列' }]}>
      {queue.status === 'failed' && <Alert type="error" showIcon title={queue.error.message} className="page-alert" />}
      <ScrollRegion label="待审核事项">
        <Table<QueueRow>
          rowKey="code"
          size="middle"
          loading={queue.status === 'loading'}
          columns={columns}
          dataSource={queue.value ?? []}
          locale={{ emptyText: '没有待审核的事项' }}
          pagination={{
            pageSize: 20,
            showSizeChanger: false,
            showTotal: (total) => `共 ${total} 项待审核`,
            hideOnSinglePage: true,
          }}
        />
      </ScrollRegion>
    </PageFrame>
  );
}
