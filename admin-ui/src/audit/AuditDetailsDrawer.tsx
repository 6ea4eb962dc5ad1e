import { Descriptions, Drawer, Typography } from 'antd';
import dayjs from 'dayjs';
import type { AuditRecord } from './AuditRecord';
import { actionLabel, detailLines, targetLabel } from './auditWords';

/** One entry: who, when, what, on what; its details said in words where simple, and in full as JSON. */
export function AuditDetailsDrawer({ record, onClose }: { record: AuditRecord | null; onClose: () => void }) {
  const lines = record ? detailLines(record.details) : [];
  return (
    <Drawer title="审计记录" open={record !== null} onClose={onClose} size="min(560px, 100vw)">
      {record && (
        <>
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'id', label: '记录号', children: record.id },
              { key: 'at', label: '时间', children: dayjs(record.at).format('YYYY年M月D日 HH:mm:ss') },
              { key: 'username', label: '操作人', children: record.username ?? '（未登录）' },
              { key: 'action', label: '操作', children: `${actionLabel(record.action)}（${record.action}）` },
              {
                key: 'target',
                label: '对象',
                children: `${targetLabel(record.targetType)} ${record.targetId ?? ''}`.trim(),
              },
            ]}
          />
          {lines.length > 0 && (
            <>
              <Typography.Title level={2} className="audit-details-title">
                内容
              </Typography.Title>
              <ul className="audit-detail-lines">
                {lines.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </>
          )}
          <Typography.Title level={2} className="audit-details-title">
            原始记录
          </Typography.Title>
          <pre className="audit-json" tabIndex={0} aria-label="原始记录（JSON）">
            {JSON.stringify(record.details, null, 2)}
          </pre>
        </>
      )}
    </Drawer>
  );
}
