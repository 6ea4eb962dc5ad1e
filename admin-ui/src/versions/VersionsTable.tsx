import { Space, Table, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { StatusTag, ToneTag } from '../components/StatusTag';
import { isRetiring, isScheduled } from './versionRules';
import type { VersionSummary } from './versionTypes';
import { ScrollRegion } from '../components/ScrollRegion';

const at = (time: string | null) => (time ? dayjs(time).format('YYYY年M月D日 HH:mm') : null);

function dates(version: VersionSummary) {
  const parts = [version.effectiveFrom && `生效 ${version.effectiveFrom}`, version.cancelAt && `取消 ${version.cancelAt}`].filter(
    Boolean,
  );
  return parts.length > 0 ? parts.join('，') : '—';
}

function times(version: VersionSummary) {
  const parts = [
    version.submittedAt && `提交 ${at(version.submittedAt)}`,
    version.publishedAt && `发布 ${at(version.publishedAt)}`,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join('，') : '—';
}

/** Every version of a matter, newest first, with what the clerk may do to each. */
export function VersionsTable({
  versions,
  today,
  actions,
}: {
  versions: readonly VersionSummary[];
  today: string;
  actions: (version: VersionSummary) => ReactNode;
}) {
  const columns: TableColumnsType<VersionSummary> = [
    { key: 'version', title: '版本', render: (_, v) => `第 ${v.version} 版`, width: 80 },
    {
      key: 'status',
      title: '状态',
      render: (_, v) => (
        <Space size={4} wrap>
          <StatusTag status={v.status} />
          {isScheduled(v, today) && <ToneTag tone="info">待生效</ToneTag>}
          {isRetiring(v, today) && <ToneTag tone="warning">待取消</ToneTag>}
        </Space>
      ),
    },
    { key: 'dates', title: '生效/取消日期', render: (_, v) => dates(v) },
    { key: 'times', title: '提交/发布时间', render: (_, v) => times(v) },
    {
      key: 'comments',
      title: '审核意见',
      render: (_, v) =>
        v.reviewComments.length === 0 ? (
          '—'
        ) : (
          <ul className="versions-comments">
            {v.reviewComments.map((comment, n) => (
              <li key={n}>
                <Typography.Text type="secondary">
                  {comment.by} {at(comment.at)}：
                </Typography.Text>
                {comment.comments}
              </li>
            ))}
          </ul>
        ),
    },
    { key: 'actions', title: '操作', render: (_, v) => actions(v) },
  ];
  return (
    <ScrollRegion label="版本列表">
      <Table<VersionSummary>
        rowKey="version"
        size="middle"
        pagination={false}
        columns={columns}
        dataSource={[...versions].sort((a, b) => b.version - a.version)}
      />
    </ScrollRegion>
  );
}
