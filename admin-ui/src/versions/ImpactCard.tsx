import { Alert, Card, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { api } from '../api/api';
import { useLoad } from '../useLoad';
import type { VersionImpact } from './versionTypes';
import { ScrollRegion } from '../components/ScrollRegion';

type Example = VersionImpact['examples'][number];

/**
 * What this version would change for recent applicants: how many of the last 90 days' applications
 * would have needed a different material list, with examples, so the reviewer weighs the change by
 * the people it touches rather than by the text alone.
 */
export function ImpactCard({ code, version }: { code: string; version: number }) {
  const impact = useLoad(() => api.get<VersionImpact>(`/api/matters/${code}/versions/${version}/impact`), [code, version]);
  const value = impact.value;
  return (
    <Card title="对近期申请的影响" className="versions-card" size="small" loading={impact.status === 'loading' && !value}>
      {impact.status === 'failed' && <Alert type="error" showIcon title={impact.error.message} />}
      {value && (
        <>
          <Typography.Paragraph className="versions-impact-count">
            近 {value.days} 天共 {value.applications} 件申请，其中 <strong>{value.changed}</strong> 件按第 {version}{' '}
            版所需的申请材料会不同。
            {value.isCapped && `（申请较多，只统计了最新的 ${value.applications} 件。）`}
          </Typography.Paragraph>
          {value.examples.length > 0 && (
            <ScrollRegion label="受影响的申请示例">
              <Table<Example>
                size="small"
                rowKey="number"
                pagination={false}
                dataSource={value.examples}
                columns={[
                  { key: 'number', title: '办件编号', dataIndex: 'number' },
                  {
                    key: 'at',
                    title: '提交时间',
                    render: (_, example) => dayjs(example.submittedAt).format('YYYY年M月D日 HH:mm'),
                  },
                  {
                    key: 'added',
                    title: '需另外提交',
                    render: (_, example) => <span className="versions-cell-text">{example.added.join('；') || '—'}</span>,
                  },
                  {
                    key: 'removed',
                    title: '不再需要',
                    render: (_, example) => <span className="versions-cell-text">{example.removed.join('；') || '—'}</span>,
                  },
                ]}
              />
            </ScrollRegion>
          )}
        </>
      )}
    </Card>
  );
}
