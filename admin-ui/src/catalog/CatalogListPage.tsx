import { labelOf } from '@matterflow/schemas';
import { ScrollRegion } from '../components/ScrollRegion';
import { DepartmentSelect, StatusSelect, TypeSelect } from '../components/CatalogSelects';
import { StatusTag, ToneTag } from '../components/StatusTag';
import { Alert, Badge, Button, Checkbox, Input, Popover, Select, Space, Table, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, queryOf } from '../api/api';
import { useStaffUser } from '../session/SessionProvider';
import { PageFrame } from '../shell/PageFrame';
import { useLoad } from '../useLoad';
import { findingCounts, type Department, type MatterPage, type MatterRow, type QualityReport } from './catalogTypes';
import { loadMatterRows } from './loadMatterRows';

const COLUMN_KEYS = ['name', 'code', 'department', 'type', 'version', 'status', 'quality', 'effectiveFrom', 'updatedAt'] as const;
type ColumnKey = (typeof COLUMN_KEYS)[number];
const COLUMN_TITLES: Record<ColumnKey, string> = {
  code: '实施编码',
  name: '事项名称',
  department: '实施主体',
  type: '事项类型',
  version: '版本',
  status: '状态',
  quality: '质量问题',
  effectiveFrom: '生效日期',
  updatedAt: '更新时间',
};
const HIDDEN_KEY = 'matterflow.catalog.hiddenColumns';
const readHidden = (): ColumnKey[] => {
  try {
    return (JSON.parse(localStorage.getItem(HIDDEN_KEY) ?? '[]') as ColumnKey[]).filter((key) => COLUMN_KEYS.includes(key));
  } catch {
    return [];
  }
};

const FILTERS = ['q', 'department', 'type', 'status', 'quality', 'page'] as const;

/**
 * The catalog as a clerk works through it: search, filters that live in the address (so a filtered
 * list can be bookmarked and Back returns to it), status and open quality findings per matter, and
 * the columns each clerk chooses. A department admin sees their department's matters (the platform
 * scopes the search); legal sees all.
 */
export function CatalogListPage() {
  const user = useStaffUser();
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(FILTERS.map((key) => [key, params.get(key) ?? undefined])) as Record<
    (typeof FILTERS)[number],
    string | undefined
  >;
  const page = Number(filters.page ?? 1);
  const [hidden, setHidden] = useState<ColumnKey[]>(readHidden);
  const departments = useLoad(() => api.get<{ items: Department[] }>('/api/departments').then((answer) => answer.items), []);
  const quality = useLoad(() => api.get<QualityReport>('/api/catalog/quality'), []);
  const counts = useMemo(() => findingCounts(quality.value), [quality.value]);
  const isDepartmentScoped = user.role === 'dept_admin';
  // Published matters are public, so the search would list every department's; a department admin keeps their own.
  const department = isDepartmentScoped ? (user.departmentCode ?? undefined) : filters.department;
  const search = { q: filters.q, department, type: filters.type, status: filters.status };
  const rows = useLoad<MatterPage>(
    () =>
      filters.quality
        ? loadMatterRows(search, counts, filters.quality === 'error' ? 'error' : 'warning', page)
        : api.get<MatterPage>(`/api/matters${queryOf({ ...search, page, pageSize: 20 })}`),
    [JSON.stringify(search), filters.quality, page, filters.quality ? counts : null],
  );
  const setFilter = (key: (typeof FILTERS)[number], value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'page') next.delete('page');
    setParams(next);
  };
  const columns: TableColumnsType<MatterRow> = [
    {
      key: 'name',
      title: COLUMN_TITLES.name,
      render: (_, row) => <Link to={`/matters/${row.code}`}>{row.name}</Link>,
    },
    { key: 'code', title: COLUMN_TITLES.code, render: (_, row) => <span className="matter-code">{row.code}</span> },
    { key: 'department', title: COLUMN_TITLES.department, dataIndex: 'departmentName' },
    { key: 'type', title: COLUMN_TITLES.type, render: (_, row) => labelOf('taskType', row.type) },
    { key: 'version', title: COLUMN_TITLES.version, render: (_, row) => `第 ${row.version} 版`, width: 90 },
    {
      key: 'status',
      title: COLUMN_TITLES.status,
      render: (_, row) => <StatusTag status={row.status} />,
      width: 100,
    },
    {
      key: 'quality',
      title: COLUMN_TITLES.quality,
      render: (_, row) => {
        const count = counts.get(row.code);
        if (!count) return quality.status === 'ready' ? <Badge status="success" text="无" /> : null;
        return (
          <Link to={`/quality?code=${row.code}`}>
            <Space size={4}>
              {count.error > 0 && <ToneTag tone="error">错误 {count.error}</ToneTag>}
              {count.warning > 0 && <ToneTag tone="warning">提示 {count.warning}</ToneTag>}
            </Space>
          </Link>
        );
      },
    },
    {
      key: 'effectiveFrom',
      title: COLUMN_TITLES.effectiveFrom,
      dataIndex: 'effectiveFrom',
      render: (value: string | null) => value ?? '—',
    },
    { key: 'updatedAt', title: COLUMN_TITLES.updatedAt, render: (_, row) => dayjs(row.updatedAt).format('YYYY年M月D日 HH:mm') },
  ];
  const visible = columns.filter((column) => !hidden.includes(column.key as ColumnKey));
  const columnSettings = (
    <Checkbox.Group
      className="column-settings"
      value={COLUMN_KEYS.filter((key) => !hidden.includes(key))}
      options={COLUMN_KEYS.map((key) => ({ label: COLUMN_TITLES[key], value: key, disabled: key === 'name' }))}
      onChange={(shown) => {
        const next = COLUMN_KEYS.filter((key) => !shown.includes(key));
        setHidden(next);
        localStorage.setItem(HIDDEN_KEY, JSON.stringify(next));
      }}
    />
  );
  return (
    <PageFrame
      title="事项目录"
      crumbs={[{ title: '事项目录' }]}
      extra={
        user.role === 'dept_admin' || user.role === 'legal' ? (
          <Link to="/matters/new">
            <Button type="primary">新建事项</Button>
          </Link>
        ) : undefined
      }
    >
      <Space wrap className="filters" role="search" aria-label="筛选事项">
        <Input.Search
          allowClear
          aria-label="按名称或实施编码检索"
          placeholder="名称或实施编码"
          defaultValue={filters.q}
          onSearch={(value) => setFilter('q', value.trim() || undefined)}
          style={{ width: 260 }}
        />
        {!isDepartmentScoped && (
          <DepartmentSelect
            value={filters.department}
            onChange={(value) => setFilter('department', value)}
            departments={departments.value ?? []}
          />
        )}
        <TypeSelect value={filters.type} onChange={(value) => setFilter('type', value)} />
        <StatusSelect value={filters.status} onChange={(value) => setFilter('status', value)} />
        <Select
          allowClear
          aria-label="质量问题"
          placeholder="质量：不限"
          value={filters.quality}
          onChange={(value?: string) => setFilter('quality', value)}
          options={[
            { value: 'error', label: '有错误' },
            { value: 'warning', label: '有错误或提示' },
          ]}
          style={{ width: 150 }}
        />
        <Popover content={columnSettings} title="显示的列" trigger="click">
          <Button>列设置</Button>
        </Popover>
      </Space>
      {rows.status === 'failed' && <Alert type="error" showIcon title={rows.error.message} className="page-alert" />}
      <ScrollRegion label="事项列表">
        <Table<MatterRow>
          rowKey="code"
          size="middle"
          loading={rows.status === 'loading'}
          columns={visible}
          dataSource={rows.value?.items ?? []}
          pagination={{
            current: page,
            pageSize: rows.value?.pageSize ?? 20,
            total: rows.value?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => `共 ${total} 项`,
            onChange: (next) => setFilter('page', String(next)),
          }}
        />
      </ScrollRegion>
    </PageFrame>
  );
}
