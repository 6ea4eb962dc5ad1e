import { Alert, Card, Descriptions, Space, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { useParams, useSearchParams } from 'react-router';
import { api } from '../api/api';
import { ToneTag } from '../components/StatusTag';
import { useStaffUser } from '../session/SessionProvider';
import { PageFrame } from '../shell/PageFrame';
import { useLoad } from '../useLoad';
import { CheckResultView } from './CheckResultView';
import { GrantsCard } from './GrantsCard';
import { HealthView } from './HealthView';
import type { PluginDetail, PluginVersionDetail } from './pluginTypes';
import { hookWord, STATE_TONES, STATE_WORDS } from './pluginWords';
import { SourceFiles } from './SourceFiles';
import { VersionsCard } from './VersionsCard';
import './plugins.css';

const TABS = ['check', 'source', 'health'] as const;

/**
 * One version in full: its check, its source, its health; which one and which tab live in the
 * address. Read again when its state changes, so the tag never disagrees with the table.
 */
function VersionDetails({ pluginId, version, state }: { pluginId: string; version: string; state: string }) {
  const [params, setParams] = useSearchParams();
  const detail = useLoad(
    () => api.get<PluginVersionDetail>(`/api/plugins/${pluginId}/versions/${version}`),
    [pluginId, version, state],
  );
  const tab = TABS.find((t) => t === params.get('tab')) ?? 'check';
  const value = detail.value?.version === version ? detail.value : undefined;
  return (
    <Card
      size="small"
      className="plugin-card"
      title={
        <Space wrap size="small">
          <span>版本 {version}</span>
          {value && <ToneTag tone={STATE_TONES[value.state]}>{STATE_WORDS[value.state]}</ToneTag>}
          {value && value.hooks.length > 0 && (
            <Typography.Text type="secondary">实现：{value.hooks.map(hookWord).join('、')}</Typography.Text>
          )}
        </Space>
      }
      loading={!value && detail.status === 'loading'}
    >
      {detail.status === 'failed' && <Alert type="error" showIcon title={detail.error.message} />}
      {value && (
        <Tabs
          activeKey={tab}
          onChange={(key) =>
            setParams(
              (previous) => {
                const next = new URLSearchParams(previous);
                next.set('tab', key);
                return next;
              },
              { replace: true },
            )
          }
          items={[
            {
              key: 'check',
              label: '检查结果',
              children: value.check ? (
                <CheckResultView check={value.check} files={value.files} version={version} />
              ) : (
                <Typography.Paragraph>该版本没有检查记录。</Typography.Paragraph>
              ),
            },
            { key: 'source', label: '源代码', children: <SourceFiles files={value.files} /> },
            { key: 'health', label: '运行状况', children: <HealthView pluginId={pluginId} version={version} /> },
          ]}
        />
      )}
    </Card>
  );
}

/**
 * One plugin: its versions and the moves on them (启用, 停用, 回滚到此版本), a chosen version's
 * check, source and health, and what it asks for against what it was granted (a sysadmin edits
 * the grants here).
 */
export function PluginPage() {
  const { id = '' } = useParams();
  const user = useStaffUser();
  const [params, setParams] = useSearchParams();
  const plugin = useLoad(() => api.get<PluginDetail>(`/api/plugins/${id}`), [id]);
  const value = plugin.value;
  const versions = value?.versions ?? [];
  const selected =
    versions.find((v) => v.version === params.get('version'))?.version ?? value?.enabledVersion ?? versions[0]?.version;
  const chosen = versions.find((v) => v.version === selected);
  const requested = chosen?.requested ?? { calendar: false, http: [], lookup: [] };
  return (
    <PageFrame title={`插件 ${id}`} crumbs={[{ title: '插件管理', to: '/plugins' }, { title: id }]}>
      {plugin.status === 'failed' && <Alert type="error" showIcon title={plugin.error.message} className="page-alert" />}
      {value && (
        <>
          <Descriptions size="small" bordered column={{ xs: 1, sm: 2 }} className="plugin-facts">
            <Descriptions.Item label="说明">{value.description}</Descriptions.Item>
            <Descriptions.Item label="部门">{value.departmentName}</Descriptions.Item>
            <Descriptions.Item label="启用版本">
              {value.enabledVersion ? (
                <ToneTag tone="success">{value.enabledVersion}</ToneTag>
              ) : (
                <ToneTag tone="neutral">未启用</ToneTag>
              )}
            </Descriptions.Item>
            <Descriptions.Item label="首次上传">
              {dayjs(value.createdAt).format('YYYY年M月D日 HH:mm')}（{value.createdBy}）
            </Descriptions.Item>
          </Descriptions>
          <VersionsCard
            pluginId={id}
            versions={versions}
            selected={selected}
            onSelect={(version) =>
              setParams(
                (previous) => {
                  const next = new URLSearchParams(previous);
                  next.set('version', version);
                  return next;
                },
                { replace: true },
              )
            }
            onChanged={plugin.reload}
          />
          {chosen && <VersionDetails pluginId={id} version={chosen.version} state={chosen.state} />}
          <GrantsCard
            pluginId={id}
            grants={value.grants}
            requested={requested}
            canEdit={user.role === 'sysadmin'}
            onSaved={plugin.reload}
          />
        </>
      )}
    </PageFrame>
  );
}
