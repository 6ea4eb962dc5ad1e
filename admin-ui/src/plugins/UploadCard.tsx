import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ApiIssue } from '@matterflow/schemas';
import { api, ApiError } from '../api/api';
import { CheckResultView } from './CheckResultView';
import type { PluginVersionDetail } from './pluginTypes';
import { readBundle, type PluginBundle } from './readBundle';

type Stage =
  | { step: 'idle' }
  | { step: 'sending'; name: string }
  | { step: 'checked'; id: string; answer: PluginVersionDetail; files: Record<string, unknown> }
  | { step: 'refused'; message: string; issues: ApiIssue[] };

/**
 * Uploading a packed plugin version: the file is read here and its JSON posted; the platform
 * checks it (manifest, types against the matters' forms, compile, examples) and answers the result,
 * kept with the version either way.
 */
export function UploadCard({ onUploaded }: { onUploaded: () => void }) {
  const [stage, setStage] = useState<Stage>({ step: 'idle' });
  const send = async (file: File) => {
    setStage({ step: 'sending', name: file.name });
    const read = readBundle(await file.text(), file.size);
    if (!read.ok) return setStage({ step: 'refused', message: read.message, issues: [] });
    try {
      const answer = await api.post<PluginVersionDetail>('/api/plugins', read.bundle satisfies PluginBundle);
      setStage({ step: 'checked', id: read.id, answer, files: read.bundle.files });
      onUploaded();
    } catch (error) {
      setStage({
        step: 'refused',
        message: `未能上传 ${read.id} ${read.version}：${error instanceof Error ? error.message : String(error)}`,
        issues: error instanceof ApiError ? error.issues : [],
      });
    }
  };
  return (
    <Card title="上传插件版本" size="small" className="plugin-card">
      <Upload.Dragger
        accept=".json"
        maxCount={1}
        showUploadList={false}
        disabled={stage.step === 'sending'}
        beforeUpload={(file) => {
          void send(file);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p>点击或拖入打包好的插件文件（npm run plugin -- pack 生成的 &lt;编号&gt;-&lt;版本&gt;.plugin.json，不超过 1 MB）</p>
      </Upload.Dragger>
      {stage.step === 'sending' && (
        <Typography.Paragraph role="status" className="plugin-status">
          正在上传并检查 {stage.name}：类型检查、编译、运行示例，约需数秒…
        </Typography.Paragraph>
      )}
      {stage.step === 'refused' && (
        <Alert
          className="plugin-status"
          type="error"
          showIcon
          title={stage.message}
          description={
            stage.issues.length > 0 && (
              <ul className="plugin-issues">
                {stage.issues.map((issue, n) => (
                  <li key={n}>
                    {issue.pointer && <code>{issue.pointer}</code>} {issue.message}
                  </li>
                ))}
              </ul>
            )
          }
        />
      )}
      {stage.step === 'checked' && (
        <div className="plugin-status">
          <Space wrap className="plugin-uploaded">
            <Typography.Text strong>
              已上传 {stage.id} {stage.answer.version}
            </Typography.Text>
            <Link to={`/plugins/${stage.id}?version=${stage.answer.version}`}>打开插件页面</Link>
            <Button size="small" onClick={() => setStage({ step: 'idle' })}>
              关闭结果
            </Button>
          </Space>
          {stage.answer.check && (
            <CheckResultView check={stage.answer.check} files={stage.files} version={stage.answer.version} />
          )}
        </div>
      )}
    </Card>
  );
}
