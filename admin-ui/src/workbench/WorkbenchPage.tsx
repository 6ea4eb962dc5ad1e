import { Alert, Grid, Input, Space, Switch, Table, Tabs, Typography, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ToneTag } from '../components/StatusTag';
import { ScrollRegion } from '../components/ScrollRegion';
import { useStaffUser } from '../session/SessionProvider';
import { PageFrame } from '../shell/PageFrame';
import { useLoad } from '../useLoad';
import { loadAcceptanceQueue, type AcceptanceRow } from './acceptanceQueue';
import { chineseDate, daysLeftWords, LEVEL_TONES } from './caseWords';
import { greenTag, QueueCards } from './QueueCards';
import { TaskQueueTable } from './TaskQueueTable';

/** What the filters ask of a row of any queue. */
interface Filters {
  text: string;
  isGreenOnly: boolean;
}
type QueueRow = { number: string; applicantName: string; matterName: string; isGreenChannel: boolean };

const passes =
  ({ text, isGreenOnly }: Filters) =>
  (row: QueueRow) =>
    (!isGreenOnly || row.isGreenChannel) &&
    (!text || [row.number, row.applicantName, row.matterName].some((v) => v.includes(text)));

/** The acceptance queue of the clerk's department: green channel first, then the nearest deadline. */
function AcceptanceQueue({ filters, isPhone }: { filters: Filters; isPhone: boolean }) {
  const queue = useLoad(loadAcceptanceQueue, []);
  const rows = useMemo(() => (queue.value?.rows ?? []).filter(passes(filters)), [queue.value, filters]);
  const columns: TableColumnsType<AcceptanceRow> = [
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
    { key: 'matter', title: '事项', dataIndex: 'matterName' },
    { key: 'applicant', title: '申请人', dataIndex: 'applicantName' },
    { key: 'received', title: '收件日期', render: (_, row) => chineseDate(row.receivedOn) },
    {
      key: 'due',
      title: '受理期限',
      render: (_, row) => dueOf(row),
    },
    {
      key: 'supplement',
      title: '补正',
      render: (_, row) => (row.supplementCount > 0 ? <ToneTag tone="warning">已补正 {row.supplementCount} 次</ToneTag> : '—'),
    },
  ];
  const dueOf = (row: AcceptanceRow) => (
    <Space size={4} wrap>
      {chineseDate(row.acceptanceDue)}
      {row.provisional ? '（暂定）' : ''}
      <ToneTag tone={LEVEL_TONES[row.level]}>{daysLeftWords(row.workdaysLeft, row.level)}</ToneTag>
    </Space>
  );
  const alert = queue.status === 'failed' && <Alert type="error" showIcon title={queue.error.message} className="page-alert" />;
  if (isPhone)
    return (
      <>
        {alert}
        <QueueCards
          label="待受理办件"
          isLoading={queue.status === 'loading'}
          empty="没有待受理的办件"
          cards={rows.map((row) => ({
            key: row.number,
            number: row.number,
            tags: (
              <>
                {greenTag(row.isGreenChannel)}
                {row.supplementCount > 0 && <ToneTag tone="warning">已补正 {row.supplementCount} 次</ToneTag>}
              </>
            ),
            facts: [
              { label: '事项', value: row.matterName },
              { label: '申请人', value: row.applicantName },
              { label: '收件日期', value: chineseDate(row.receivedOn) },
              { label: '受理期限', value: dueOf(row) },
            ],
          }))}
        />
      </>
    );
  return (
    <>
      {alert}
      <ScrollRegion label="待受理办件">
        <Table<AcceptanceRow>
          rowKey="number"
          size="middle"
          loading={queue.status === 'loading'}
          columns={columns}
          dataSource={rows}
          locale={{ emptyText: '没有待受理的办件' }}
          pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 件` }}
        />
      </ScrollRegion>
    </>
  );
}

const TABS = ['acceptance', 'mine', 'department'] as const;
type Tab = (typeof TABS)[number];

/** 工作台 of the case roles: the queues they work from; the tab and the filters live in the address. */
export function WorkbenchPage() {
  const user = useStaffUser();
  const [params, setParams] = useSearchParams();
  const text = params.get('q')?.trim() ?? '';
  const isGreenOnly = params.get('green') === '1';
  const filters = useMemo(() => ({ text, isGreenOnly }), [text, isGreenOnly]);
  // The window starts at acceptance; the back office at its own tasks.
  const asked = params.get('tab') as Tab | null;
  const tab: Tab = asked && TABS.includes(asked) ? asked : user.role === 'window' ? 'acceptance' : 'mine';
  const setParam = (key: string, value: string) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const taskFilter = passes(filters);
  // Below antd's md (768 px) the queues are cards: a seven-column table would scroll sideways.
  const screens = Grid.useBreakpoint();
  const isPhone = screens.md === false;
  return (
    <PageFrame title="工作台">
      <Typography.Paragraph type="secondary">绿色通道优先，其余按期限先后排列；点击办件编号办理。</Typography.Paragraph>
      <Space wrap className="filters">
        <Input.Search
          aria-label="搜索办件编号、申请人或事项"
          placeholder="办件编号、申请人或事项"
          allowClear
          defaultValue={text}
          onSearch={(value) => setParam('q', value.trim())}
          style={{ width: 280 }}
        />
        <Space>
          <Switch
            id="green-only"
            checked={isGreenOnly}
            onChange={(checked) => setParam('green', checked ? '1' : '')}
            aria-label="只看绿色通道"
          />
          <label htmlFor="green-only">只看绿色通道</label>
        </Space>
      </Space>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParam('tab', key)}
        destroyOnHidden
        items={[
          { key: 'acceptance', label: '待受理', children: <AcceptanceQueue filters={filters} isPhone={isPhone} /> },
          { key: 'mine', label: '我的待办', children: <TaskQueueTable queue="mine" filter={taskFilter} isPhone={isPhone} /> },
          {
            key: 'department',
            label: '部门待办',
            children: <TaskQueueTable queue="department" filter={taskFilter} isPhone={isPhone} />,
          },
        ]}
      />
    </PageFrame>
  );
}
