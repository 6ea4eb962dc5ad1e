import { Alert, Button, DatePicker, Input, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, queryOf } from '../api/api';
import { PageFrame } from '../shell/PageFrame';
import { useLoad } from '../useLoad';
import { AuditDetailsDrawer } from './AuditDetailsDrawer';
import type { AuditPageAnswer, AuditRecord } from './AuditRecord';
import { ACTION_FAMILIES, ACTION_LABELS, actionLabel, detailLines, TARGET_LABELS, targetLabel } from './auditWords';

const FILTERS = ['from', 'to', 'targetType', 'targetId', 'username', 'action'] as const;
type Filter = (typeof FILTERS)[number];
const PAGE_SIZE = 50;

const actionOptions = [
  ...ACTION_FAMILIES,
  ...Object.entries(ACTION_LABELS).map(([value, label]) => ({ value, label: `${label}（${value}）` })),
];

/**
 * The audit trail for supervision: filters in the address, newest first, paged by the id of the
 * last entry shown (`before`), so entries arriving meanwhile do not shift the pages being read.
 */
export function AuditPage() {
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(FILTERS.map((key) => [key, params.get(key) ?? undefined])) as Record<
    Filter,
    string | undefined
  >;
  const before = params.get('before') ?? undefined;
  // The cursors of the pages before this one, to go back; a bookmarked page starts a new trail.
  const [trail, setTrail] = useState<(string | undefined)[]>([]);
  const [shown, setShown] = useState<AuditRecord | null>(null);
  const rows = useLoad(
    () => api.get<AuditPageAnswer>(`/api/audit${queryOf({ ...filters, before, pageSize: PAGE_SIZE })}`),
    [JSON.stringify(filters), before],
  );
  const update = (changes: Partial<Record<Filter | 'before', string | undefined>>, keepTrail = false) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!('before' in changes)) next.delete('before');
    if (!keepTrail) setTrail([]);
    setParams(next);
  };
  const items = rows.value?.items ?? [];
  const last = items.at(-1);
  const hasMore = items.length === PAGE_SIZE;
  const columns: TableColumnsType<AuditRecord> = [
    { key: 'at', title: '时间', render: (_, row) => dayjs(row.at).format('YYYY-MM-DD HH:mm:ss'), width: 170 },
    { key: 'username', title: '操作人', render: (_, row) => row.username ?? '—' },
    { key: 'action', title: '操作', render: (_, row) => actionLabel(row.action) },
    {
      key: 'target',
      title: '对象',
      render: (_, row) => `${targetLabel(row.targetType)} ${row.targetId ?? ''}`.trim(),
    },
    {
      key: 'summary',
      title: '内容',
      render: (_, row) => <span className="audit-summary">{detailLines(row.details).slice(0, 3).join('；')}</span>,
    },
    {
      key: 'open',
      title: '详情',
      render: (_, row) => (
        <Button type="link" onClick={() => setShown(row)} aria-label={`查看记录 ${row.id} 的详情`}>
          查看
        </Button>
      ),
    },
  ];
  const range: [Dayjs, Dayjs] | null = filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to)] : null;
  return (
    <PageFrame title="审计日志" crumbs={[{ title: '审计日志' }]}>
      <Space wrap className="filters" role="search" aria-label="筛选审计记录">
        <DatePicker.RangePicker
          aria-label="日期范围"
          value={range}
          onChange={(dates) => update({ from: dates?.[0]?.format('YYYY-MM-DD'), to: dates?.[1]?.format('YYYY-MM-DD') })}
        />
        <Select
          allowClear
          aria-label="对象类型"
          placeholder="全部对象"
          value={filters.targetType}
          onChange={(value?: string) => update({ targetType: value })}
          options={Object.entries(TARGET_LABELS).map(([value, label]) => ({ value, label }))}
          style={{ width: 130 }}
        />
        <Input.Search
          allowClear
          aria-label="对象标识"
          placeholder="对象标识（如实施编码）"
          defaultValue={filters.targetId}
          onSearch={(value) => update({ targetId: value.trim() || undefined })}
          style={{ width: 220 }}
        />
        <Input.Search
          allowClear
          aria-label="操作人用户名"
          placeholder="操作人用户名"
          defaultValue={filters.username}
          onSearch={(value) => update({ username: value.trim().toLowerCase() || undefined })}
          style={{ width: 180 }}
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          aria-label="操作"
          placeholder="全部操作"
          value={filters.action}
          onChange={(value?: string) => update({ action: value })}
          options={actionOptions}
          style={{ width: 240 }}
        />
      </Space>
      {rows.status === 'failed' && <Alert type="error" showIcon title={rows.error.message} className="page-alert" />}
      <Table<AuditRecord>
        rowKey="id"
        size="middle"
        loading={rows.status === 'loading'}
        columns={columns}
        dataSource={items}
        scroll={{ x: 'max-content' }}
        pagination={false}
      />
      <Space wrap className="audit-pager">
        <Typography.Text>共 {rows.value?.total ?? 0} 条</Typography.Text>
        <Button onClick={() => update({ before: undefined })} disabled={!before}>
          最新
        </Button>
        <Button
          disabled={trail.length === 0}
          onClick={() => {
            setTrail(trail.slice(0, -1));
            update({ before: trail.at(-1) }, true);
          }}
        >
          上一页
        </Button>
        <Button
          disabled={!hasMore || !last}
          onClick={() => {
            setTrail([...trail, before]);
            update({ before: String(last?.id) }, true);
          }}
        >
          下一页
        </Button>
      </Space>
      <AuditDetailsDrawer record={shown} onClose={() => setShown(null)} />
    </PageFrame>
  );
}
