import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Progress, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, ApiError } from '../api/api';
import { ScrollRegion } from '../components/ScrollRegion';
import { importErrorsOf, importMediaType, type ImportIssue, type ImportResult } from './importTypes';

type Stage =
  | { step: 'idle' }
  | { step: 'sending'; isDryRun: boolean; fraction: number }
  | { step: 'checked'; result: ImportResult }
  | { step: 'imported'; result: ImportResult }
  | { step: 'refused'; errors: ImportIssue[]; total: number }
  | { step: 'failed'; message: string };

const MAX_MB = 30;

/**
 * Import in two steps: a dry run checks every row and tries every save, then rolls back, so the
 * clerk sees every error, and for a clean file what would be created, updated or left alone,
 * before anything is written; only then 确认导入. Upload progress is shown for large workbooks.
 */
export function ImportCard() {
  const [file, setFile] = useState<File | null>(null);
  const [stage, setStage] = useState<Stage>({ step: 'idle' });
  const send = async (isDryRun: boolean) => {
    if (!file) return;
    const type = importMediaType(file.name);
    if (!type) return setStage({ step: 'failed', message: '只能导入 .json 或 .xlsx 文件' });
    setStage({ step: 'sending', isDryRun, fraction: 0 });
    try {
      const result = await api.upload<ImportResult>(
        `/api/catalog/import${isDryRun ? '?dryRun=true' : ''}`,
        file,
        type,
        (fraction) => setStage({ step: 'sending', isDryRun, fraction }),
      );
      setStage({ step: isDryRun ? 'checked' : 'imported', result });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'IMPORT_INVALID')
        setStage({ step: 'refused', ...importErrorsOf(error.details) });
      else setStage({ step: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <Card title="导入事项" className="exchange-card">
      <Upload.Dragger
        accept=".json,.xlsx"
        maxCount={1}
        beforeUpload={(chosen) => {
          setFile(chosen);
          setStage(
            chosen.size > MAX_MB * 1024 * 1024
              ? { step: 'failed', message: `文件超过 ${MAX_MB} MB，请分部门导出后分批导入` }
              : { step: 'idle' },
          );
          return false;
        }}
        onRemove={() => {
          setFile(null);
          setStage({ step: 'idle' });
        }}
        fileList={file ? [{ uid: 'import', name: file.name, status: 'done', size: file.size }] : []}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p>点击或拖入文件：本系统导出的 JSON 或 xlsx、全国交换格式 JSON（不超过 {MAX_MB} MB）</p>
      </Upload.Dragger>
      <Space className="exchange-actions" wrap>
        <Button onClick={() => void send(true)} disabled={!file || stage.step === 'sending'}>
          试导入（只校验，不写入）
        </Button>
        <Button type="primary" onClick={() => void send(false)} disabled={stage.step !== 'checked'}>
          确认导入
        </Button>
      </Space>
      {stage.step === 'sending' && (
        <div role="status">
          <Progress percent={Math.round(stage.fraction * 100)} status="active" />
          <Typography.Text>{stage.fraction < 1 ? '正在上传…' : stage.isDryRun ? '正在校验每一行…' : '正在写入…'}</Typography.Text>
        </div>
      )}
      {stage.step === 'failed' && <Alert type="error" showIcon title={stage.message} />}
      {stage.step === 'refused' && <RefusedFile errors={stage.errors} total={stage.total} />}
      {(stage.step === 'checked' || stage.step === 'imported') && <ImportSummary result={stage.result} />}
    </Card>
  );
}

function RefusedFile({ errors, total }: { errors: ImportIssue[]; total: number }) {
  return (
    <>
      <Alert
        type="error"
        showIcon
        title={`文件有 ${total} 处问题，未写入任何内容`}
        description={
          total > errors.length ? `下表列出前 ${errors.length} 处；改正后再试导入可看到其余问题。` : '改正后重新试导入。'
        }
      />
      <ScrollRegion label="文件中的问题">
        <Table<ImportIssue & { key: number }>
          size="small"
          dataSource={errors.map((issue, key) => ({ ...issue, key }))}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          columns={[
            { title: '工作表', dataIndex: 'sheet', render: (value?: string) => value ?? '—' },
            { title: '行', dataIndex: 'row', width: 70 },
            { title: '列', dataIndex: 'column', render: (value?: string) => value ?? '—' },
            { title: '实施编码', dataIndex: 'matterCode', render: (value?: string) => value ?? '—' },
            { title: '字段', dataIndex: 'pointer', render: (value: string) => <code>{value || '（整条事项）'}</code> },
            { title: '问题', dataIndex: 'message' },
          ]}
        />
      </ScrollRegion>
    </>
  );
}

function ImportSummary({ result }: { result: ImportResult }) {
  return (
    <>
      <Alert
        type={result.isDryRun ? 'info' : 'success'}
        showIcon
        title={
          result.isDryRun ? '校验通过：以下是确认导入后的结果，现在尚未写入' : '已导入：写入的事项为草稿，须经法制审核后发布'
        }
      />
      <Descriptions size="small" column={{ xs: 1, sm: 3 }} bordered className="exchange-summary">
        <Descriptions.Item label="文件中的事项">{result.total}</Descriptions.Item>
        <Descriptions.Item label="新建">{result.created}</Descriptions.Item>
        <Descriptions.Item label="更新草稿">{result.updated}</Descriptions.Item>
        <Descriptions.Item label="无变化">{result.unchanged}</Descriptions.Item>
        <Descriptions.Item label="导出后已被修改（不覆盖）">{result.conflicts.length}</Descriptions.Item>
        <Descriptions.Item label="审核中（不覆盖）">{result.inReview.length}</Descriptions.Item>
      </Descriptions>
      {result.migrated.count > 0 && (
        <Typography.Paragraph>
          其中 {result.migrated.count} 项按旧版格式（第 {result.migrated.fromVersions.join('、')} 版）编写，已升级到第{' '}
          {result.migrated.toVersion} 版。
        </Typography.Paragraph>
      )}
      {result.conflicts.length > 0 && (
        <Table
          size="small"
          rowKey="code"
          pagination={false}
          dataSource={result.conflicts}
          columns={[
            { title: '行', dataIndex: 'row', width: 70 },
            { title: '实施编码', dataIndex: 'code', render: (code: string) => <Link to={`/matters/${code}`}>{code}</Link> },
            { title: '原因', dataIndex: 'reason' },
          ]}
        />
      )}
      {!result.isDryRun && result.codes.length > 0 && (
        <Typography.Paragraph>
          写入的事项：
          {result.codes.slice(0, 50).map((code) => (
            <Link key={code} to={`/matters/${code}`} className="exchange-code">
              {code}
            </Link>
          ))}
          {result.codes.length > 50 ? ` 等 ${result.codes.length} 项` : ''}
        </Typography.Paragraph>
      )}
    </>
  );
}
