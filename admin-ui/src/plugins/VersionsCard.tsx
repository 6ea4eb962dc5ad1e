import { Alert, App, Button, Card, Space, Table, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api } from '../api/api';
import { ScrollRegion } from '../components/ScrollRegion';
import { ToneTag } from '../components/StatusTag';
import type { PluginVersionSummary } from './pluginTypes';
import { STATE_TONES, STATE_WORDS } from './pluginWords';
import { movesFor, newestFirst, type VersionMove } from './versionMoves';

const at = (time: string | null | undefined) => (time ? dayjs(time).format('YYYY年M月D日 HH:mm') : null);

function when(version: PluginVersionSummary) {
  return [
    `上传 ${at(version.uploadedAt)}（${version.uploadedBy}）`,
    version.enabledAt && `启用 ${at(version.enabledAt)}（${version.enabledBy ?? ''}）`,
    version.disabledAt && `停用 ${at(version.disabledAt)}（${version.disabledBy ?? ''}）`,
  ]
    .filter(Boolean)
    .join('，');
}

/**
 * Every version of a plugin, newest first, with its state and the moves it allows. Each move is
 * confirmed with what changes (which version stops serving); a refusal is shown with the
 * platform's words above the table, not in a toast that vanishes.
 */
export function VersionsCard({
  pluginId,
  versions,
  selected,
  onSelect,
  onChanged,
}: {
  pluginId: string;
  versions: readonly PluginVersionSummary[];
  selected: string | undefined;
  onSelect: (version: string) => void;
  onChanged: () => void;
}) {
  const { message, modal } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const run = (version: string, move: VersionMove) =>
    modal.confirm({
      title: move.title,
      content: move.content,
      okText: move.label,
      cancelText: '取消',
      onOk: async () => {
        setError(null);
        try {
          await api.post(`/api/plugins/${pluginId}/versions/${version}/transitions`, { to: move.to });
          void message.success(move.to === 'enabled' ? `${version} 已启用` : `${version} 已停用`);
        } catch (caught) {
          setError(`${move.label} ${version} 未完成：${caught instanceof Error ? caught.message : String(caught)}`);
        }
        onChanged();
      },
    });
  const columns: TableColumnsType<PluginVersionSummary> = [
    { key: 'version', title: '版本', render: (_, v) => <span className="matter-code">{v.version}</span> },
    { key: 'state', title: '状态', render: (_, v) => <ToneTag tone={STATE_TONES[v.state]}>{STATE_WORDS[v.state]}</ToneTag> },
    { key: 'when', title: '上传/启用/停用', render: (_, v) => when(v) },
    {
      key: 'actions',
      title: '操作',
      render: (_, v) => (
        <Space wrap size="small">
          <Button
            size="small"
            type={v.version === selected ? 'primary' : 'default'}
            aria-pressed={v.version === selected}
            onClick={() => onSelect(v.version)}
            aria-label={`查看 ${v.version}`}
          >
            查看
          </Button>
          {movesFor(pluginId, v, versions).map((move) => (
            <Button
              key={move.label}
              size="small"
              danger={move.to === 'disabled'}
              className={move.to === 'disabled' ? 'plugin-danger' : undefined}
              onClick={() => run(v.version, move)}
              aria-label={`${move.label} ${v.version}`}
            >
              {move.label}
            </Button>
          ))}
        </Space>
      ),
    },
  ];
  return (
    <Card title="版本" size="small" className="plugin-card">
      {error && <Alert type="error" showIcon title={error} closable={{ onClose: () => setError(null) }} className="page-alert" />}
      <ScrollRegion label="版本列表">
        <Table<PluginVersionSummary>
          rowKey="version"
          size="middle"
          pagination={false}
          columns={columns}
          dataSource={newestFirst(versions)}
          rowClassName={(v) => (v.version === selected ? 'plugin-row-selected' : '')}
        />
      </ScrollRegion>
    </Card>
  );
}
