import { Alert, Space, Table, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { ScrollRegion } from '../components/ScrollRegion';
import { ToneTag } from '../components/StatusTag';
import { useLoad } from '../useLoad';
import { chineseDate, daysLeftWords, LEVEL_TONES } from './caseWords';
import { loadTaskQueue, type TaskQueue, type TaskRow } from './taskQueue';

const LABELS: Record<TaskQueue, { region: string; empty: string }> = {
  mine: { region: '我的待办任务', empty: '没有待办的任务' },
  department: { region: '部门待认领任务', empty: '本部门没有待认领的任务' },
};

/** 我的待办 or 部门待办: each open task with its step's due day and the days left, as the platform orders them. */
export function TaskQueueTable({ queue, filter }: { queue: TaskQueue; filter: (row: TaskRow) => boolean }) {
  const loaded = useLoad(() => loadTaskQueue(queue), [queue]);
  const columns: TableColumnsType<TaskRow> = [
    {
      key: 'number',
      title: '办件编号',
      render: (_, row) => (
        <Space size={4} wrap>
          <Link to={`/cases/${row.number}`} className="matter-code">
            {row.number}
          </Link>
          {row.isGreenChannel && <ToneTag tone="success">绿色通道</ToneTag>}
        </Space>
      ),
    },
    {
      key: 'task',
      title: '环节',
      render: (_, row) => (
        <Space size={4} wrap>
          {row.taskName}
          {row.isCoSigner && <ToneTag tone="info">待会签</ToneTag>}
          {row.kind === 'verification' && <ToneTag tone="info">事后核查</ToneTag>}
        </Space>
      ),
    },
    { key: 'matter', title: '事项', dataIndex: 'matterName' },
    { key: 'applicant', title: '申请人', dataIndex: 'applicantName' },
    { key: 'opened', title: '到达日期', render: (_, row) => chineseDate(row.openedOn) },
    {
      key: 'due',
      title: '环节期限',
      render: (_, row) => (
        <Space size={4} wrap>
          {row.due ? `${chineseDate(row.due)}${row.provisional ? '（暂定）' : ''}` : '—'}
          {row.due && <ToneTag tone={LEVEL_TONES[row.level]}>{daysLeftWords(row.workdaysLeft, row.level)}</ToneTag>}
        </Space>
      ),
    },
  ];
  return (
    <>
      {loaded.status === 'failed' && <Alert type="error" showIcon title={loaded.error.message} className="page-alert" />}
      <ScrollRegion label={LABELS[queue].region}>
        <Table<TaskRow>
          rowKey={(row) => `${row.number}/${row.taskId}/${row.isCoSigner ? 'signer' : 'holder'}`}
          size="middle"
          loading={loaded.status === 'loading'}
          columns={columns}
          dataSource={(loaded.value ?? []).filter(filter)}
          locale={{ emptyText: LABELS[queue].empty }}
          pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 项` }}
        />
      </ScrollRegion>
    </>
  );
}
