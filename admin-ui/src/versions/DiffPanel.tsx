import { Alert, Card, Empty, Flex, Select, Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import { api, queryOf } from '../api/api';
import { useLoad } from '../useLoad';
import { linesBySection } from './versionRules';
import type { VersionDiff, VersionSummary } from './versionTypes';
import { ScrollRegion } from '../components/ScrollRegion';

type Change = VersionDiff['changes'][number];
const OPS: Record<Change['op'], string> = { add: '新增', remove: '删除', replace: '修改' };

/** A value of the field-level list, short enough for a table cell. */
const shown = (value: unknown): string => {
  if (value === undefined) return '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
};

/**
 * The difference of two versions in the words a clerk reads, grouped by the editor's sections, with
 * the pointer-level changes behind a toggle for whoever needs the exact field. `versions` lets the
 * clerk pick any two; without it the pair is fixed (the review compares against the version in force).
 */
export function DiffPanel({
  code,
  from: initialFrom,
  to: initialTo,
  versions,
  title = '版本差异',
}: {
  code: string;
  from: number;
  to: number;
  versions?: readonly VersionSummary[];
  title?: string;
}) {
  const [pair, setPair] = useState({ from: initialFrom, to: initialTo });
  const [showsFields, setShowsFields] = useState(false);
  const diff = useLoad(() => api.get<VersionDiff>(`/api/matters/${code}/diff${queryOf(pair)}`), [code, pair.from, pair.to]);
  const options = (versions ?? []).map((v) => ({ value: v.version, label: `第 ${v.version} 版` }));
  const groups = linesBySection(diff.value?.summary ?? []);
  return (
    <Card title={title} className="versions-card" size="small">
      <Flex wrap gap="small" align="center" className="versions-diff-controls">
        {versions ? (
          <>
            <Select
              aria-label="比较的旧版本"
              value={pair.from}
              options={options}
              onChange={(from: number) => setPair({ ...pair, from })}
            />
            <span>对比</span>
            <Select
              aria-label="比较的新版本"
              value={pair.to}
              options={options}
              onChange={(to: number) => setPair({ ...pair, to })}
            />
          </>
        ) : (
          <span>
            第 {pair.from} 版 → 第 {pair.to} 版
          </span>
        )}
        <label className="versions-toggle">
          <Switch checked={showsFields} onChange={setShowsFields} aria-label="显示字段明细" /> 显示字段明细
        </label>
      </Flex>
      {diff.status === 'failed' && <Alert type="error" showIcon title={diff.error.message} className="page-alert" />}
      {diff.status === 'ready' && groups.length === 0 && <Empty description="两个版本内容相同" />}
      {diff.value && diff.value.from === pair.from && diff.value.to === pair.to && (
        <div aria-live="polite" aria-busy={diff.status === 'loading'}>
          {groups.map((group) => (
            <section key={group.section} className="versions-diff-section">
              <Typography.Title level={3} className="versions-diff-heading">
                {group.section}
              </Typography.Title>
              <ul className="versions-diff-lines">
                {group.lines.map((line, n) => (
                  <li key={`${line.pointer} ${n}`}>{line.text}</li>
                ))}
              </ul>
            </section>
          ))}
          {showsFields && (
            <ScrollRegion label="字段明细">
              <Table<Change>
                size="small"
                rowKey={(change) => `${change.op} ${change.pointer}`}
                pagination={false}
                dataSource={diff.value.changes}
                columns={[
                  { key: 'op', title: '变化', render: (_, change) => OPS[change.op], width: 70 },
                  { key: 'pointer', title: '字段', render: (_, change) => <code>{change.pointer}</code> },
                  {
                    key: 'from',
                    title: '原值',
                    render: (_, change) => <span className="versions-cell-text">{shown(change.from)}</span>,
                  },
                  {
                    key: 'to',
                    title: '新值',
                    render: (_, change) => <span className="versions-cell-text">{shown(change.to)}</span>,
                  },
                ]}
              />
            </ScrollRegion>
          )}
        </div>
      )}
    </Card>
  );
}
