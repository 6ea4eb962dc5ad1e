import { Alert, App, Button, Card, Descriptions, Form, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api, ApiError } from '../api/api';
import { ToneTag } from '../components/StatusTag';
import type { PluginGrants, RequestedCapabilities } from './pluginTypes';

const list = (items: readonly string[]) => (items.length > 0 ? items.join('、') : '无');

/** Each requested item, tagged by whether it is granted: what a sysadmin has still to decide. */
function RequestedItems({ requested, granted }: { requested: readonly string[]; granted: readonly string[] }) {
  if (requested.length === 0) return <>未申请</>;
  return (
    <Space wrap size={4}>
      {requested.map((item) => (
        <span key={item}>
          <code>{item}</code>{' '}
          {granted.includes(item) ? <ToneTag tone="success">已授权</ToneTag> : <ToneTag tone="warning">未授权</ToneTag>}
        </span>
      ))}
    </Space>
  );
}

/**
 * What the plugin asks for (its manifest) against what it was granted: log and the calendar come
 * with every plugin; outbound HTTP origins and lookup tables only once a sysadmin grants them, here.
 * Anything used without a grant fails the call inside the sandbox (未授权的能力).
 */
export function GrantsCard({
  pluginId,
  grants,
  requested,
  canEdit,
  onSaved,
}: {
  pluginId: string;
  grants: PluginGrants;
  requested: RequestedCapabilities;
  canEdit: boolean;
  onSaved: () => void;
}) {
  const { message } = App.useApp();
  const [error, setError] = useState<ApiError | Error | null>(null);
  const [isSaving, setSaving] = useState(false);
  const save = async (values: { httpOrigins?: string[]; lookupTables?: string[] }) => {
    setSaving(true);
    setError(null);
    try {
      await api.put(`/api/plugins/${pluginId}/grants`, {
        httpOrigins: values.httpOrigins ?? [],
        lookupTables: values.lookupTables ?? [],
      });
      void message.success('已保存授权，下一次调用起生效');
      onSaved();
    } catch (caught) {
      setError(caught instanceof Error ? caught : new Error(String(caught)));
    } finally {
      setSaving(false);
    }
  };
  const issues = error instanceof ApiError ? error.issues : [];
  const issueAt = (field: string) =>
    issues
      .filter((issue) => issue.pointer.startsWith(`/${field}`))
      .map((issue) => issue.message)
      .join('；') || undefined;
  return (
    <Card title="能力与授权" size="small" className="plugin-card">
      <Descriptions size="small" bordered column={1}>
        <Descriptions.Item label="日志、工作日历">随插件提供{requested.calendar ? '（已申请工作日历）' : ''}</Descriptions.Item>
        <Descriptions.Item label="申请的外部接口（HTTP）">
          <RequestedItems requested={requested.http} granted={grants.httpOrigins} />
        </Descriptions.Item>
        <Descriptions.Item label="申请的参考数据表">
          <RequestedItems requested={requested.lookup} granted={grants.lookupTables} />
        </Descriptions.Item>
        <Descriptions.Item label="已授权的外部接口">{list(grants.httpOrigins)}</Descriptions.Item>
        <Descriptions.Item label="已授权的参考数据表">{list(grants.lookupTables)}</Descriptions.Item>
        {grants.grantedBy && (
          <Descriptions.Item label="授权人">
            {grants.grantedBy}
            {grants.grantedAt ? `，${dayjs(grants.grantedAt).format('YYYY年M月D日 HH:mm')}` : ''}
          </Descriptions.Item>
        )}
      </Descriptions>
      {canEdit ? (
        <Form
          // Remounted with the grants saved, so the fields show what is granted now.
          key={`${grants.grantedAt ?? ''}`}
          initialValues={{ httpOrigins: grants.httpOrigins, lookupTables: grants.lookupTables }}
          layout="vertical"
          onFinish={(values: { httpOrigins?: string[]; lookupTables?: string[] }) => void save(values)}
          className="plugin-grants-form"
        >
          <Typography.Paragraph>
            只授予插件确实需要的来源（协议、主机和端口，如 https://zwfw.example.gov.cn），授权对该插件的所有版本生效。
          </Typography.Paragraph>
          {error && issues.length === 0 && <Alert type="error" showIcon title={error.message} className="page-alert" />}
          <Form.Item
            name="httpOrigins"
            label="允许访问的外部接口来源"
            validateStatus={issueAt('httpOrigins') ? 'error' : undefined}
            help={issueAt('httpOrigins')}
          >
            <Select
              mode="tags"
              tokenSeparators={[' ', ',']}
              placeholder="输入来源后回车，如 https://example.gov.cn"
              options={requested.http.map((origin) => ({ value: origin, label: origin }))}
            />
          </Form.Item>
          <Form.Item
            name="lookupTables"
            label="允许读取的参考数据表"
            validateStatus={issueAt('lookupTables') ? 'error' : undefined}
            help={issueAt('lookupTables')}
          >
            <Select
              mode="tags"
              tokenSeparators={[' ', ',']}
              placeholder="输入表名后回车"
              options={requested.lookup.map((table) => ({ value: table, label: table }))}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={isSaving}>
            保存授权
          </Button>
        </Form>
      ) : (
        <Typography.Paragraph className="plugin-note">
          授权由系统管理员审批；如需新的外部接口或数据表，请联系系统管理员。
        </Typography.Paragraph>
      )}
    </Card>
  );
}
