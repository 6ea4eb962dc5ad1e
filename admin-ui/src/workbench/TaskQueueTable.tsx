import { Alert, Space, Table, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { ScrollRegion } from '../components/ScrollRegion';
import { ToneTag } from '../components/StatusTag';
import { useLoad } from '../useLoad';
import { chineseDate, daysLeftWords, LEVEL_TONES } from './caseWords';
import { greenTag, QueueCards } from './QueueCards';
import { loadTaskQueue, type TaskQueue, type TaskRow } from './taskQueue';

const LABELS: Record<TaskQueue, { region: string; empty: string }> = {
  mine: { region: '我的待办任务', empty: '没有待办的任务' },
  department: { region: '部门待认领任务', empty: '本部门没有待认领的任务' },
};

/** 我的待办 or 部门待办: each open task with its step's due day and the days left, as the platform orders them. */
export function TaskQueueTable({
  queue,
  filter,
  isPhone,
}: {
  queue: TaskQueue;
  filter: (row: TaskRow) => boolean;
  isPhone: boolean;
}) {
  const loaded = useLoad(() => loadTaskQueue(queue), [queue]);
  const rows = (loaded.value ?? []).filter(filter);
  const keyOf = (row: TaskRow) => `${row.number}/${row.taskId}/${row.isCoSigner ? 'signer' : 'holder'}`;
  const taskTags = (row: TaskRow) => (
    <>
      {row.isCoSigner && <ToneTag tone="info">待会签</ToneTag>}
      {row.kind === 'verification' && <ToneTag tone="info">事后核查</ToneTag>}
    </>
  );
  const dueOf = (row: TaskRow) => (
    <Space size={4} wrap>
      {row.due ? `${chineseDate(row.due)}${row.provisional ? '（暂定）' : ''}` : '—'}
      {row.due && <ToneTag tone={LEVEL_TONES[row.level]}>{daysLeftWords(row.workdaysLeft, row.level)}</ToneTag>}
    </Space>
  );
  const alert = loaded.status === 'failed' && <Alert type="error" showIcon title={loaded.error.message} className="page-alert" />;
  if (isPhone)
    return (
      <>
        {alert}
        <QueueCards
          label={LABELS[queue].region}
          isLoading={loaded.status === 'loading'}
          empty={LABELS[queue].empty}
          cards={rows.map((row) => ({
            key: keyOf(row),
            number: row.number,
            tags: (
              <>
                {greenTag(row.isGreenChannel)}
                {taskTags(row)}
              </>
            ),
            facts: [
              { label: '环节', value: row.taskName },
              { label: '事项', value: row.matterName },
              { label: '申请人', value: row.applicantName },
              { label: '到达日期', value: chineseDate(row.openedOn) },
              { label: '环节期限', value: dueOf(row) },
            ],
          }))}
        />
      </>
    );
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
          {taskTags(row)}
        </Space>
      ),
    },
    { key: 'matter', title: '事项', dataIndex: 'matterName' },
    { key: 'applicant', title: '申请人', dataIndex: 'applicantName' },
    { key: 'opened', title: '到达日期', render: (_, row) => chineseDate(row.openedOn) },
    {
      key: 'due',
      title: '环节期限',
      render: (_, row) => dueOf(row),
    },
  ];
  return (
    <>
      {alert}
      <ScrollRegion label={LABELS[queue].region}>
        <Table<TaskRow>
          rowKey={keyOf}
          size="middle"
          loading={loaded.status === 'loading'}
          columns={columns}
          dataSource={rows}
          locale={{ emptyText: LABELS[queue].empty }}
          pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 项` }}
        />
      </ScrollRegion>
    </>
  );
}
