import { Alert, Descriptions, Space, Table, Typography } from 'antd';
import { ToneTag } from '../components/StatusTag';
import { ScrollRegion } from '../components/ScrollRegion';
import type { CheckDiagnostic, CheckResult, CheckStage, ExampleResult } from './pluginTypes';
import { hookWord, STAGE_WORDS } from './pluginWords';

const STAGES: CheckStage[] = ['manifest', 'types', 'compile', 'examples'];

/** Each step of the check in words: passed, failed here, or not reached because an earlier one failed. */
function stageTag(check: CheckResult, stage: CheckStage) {
  const reached = STAGES.indexOf(check.stage);
  const at = STAGES.indexOf(stage);
  if (check.ok || at < reached) return <ToneTag tone="success">通过</ToneTag>;
  if (at === reached) return <ToneTag tone="error">未通过</ToneTag>;
  return <ToneTag tone="neutral">未进行</ToneTag>;
}

/** The source line a diagnostic points at, when the bundle's files are at hand. */
const sourceLine = (files: Record<string, unknown> | undefined, { file, line }: CheckDiagnostic) => {
  const text = files?.[file];
  return typeof text === 'string' ? text.split('\n')[line - 1]?.trim() : undefined;
};

/** file:line:column in the source, the manifest's pointer, or the whole plugin. */
const placeOf = (d: CheckDiagnostic) =>
  d.file && d.line > 0
    ? `${d.file}:${d.line}:${d.column}`
    : d.pointer !== undefined
      ? `plugin.json ${d.pointer || '/'}`
      : d.file || '（整个插件）';

/**
 * The upload check's result: which steps passed, the type errors at file:line:column with the
 * line itself, and each example's outcome. A failed check says plainly that the version stays a
 * draft and cannot be enabled.
 */
export function CheckResultView({
  check,
  files,
  version,
}: {
  check: CheckResult;
  files?: Record<string, unknown>;
  version: string;
}) {
  return (
    <Space orientation="vertical" size="middle" className="plugin-block">
      {check.ok ? (
        <Alert type="success" showIcon title={`检查通过：${version} 已检查，可以启用`} />
      ) : (
        <Alert
          type="error"
          showIcon
          title={`检查未通过（${STAGE_WORDS[check.stage]}）：${version} 保存为草稿，不能启用`}
          description="改正下列问题后，提高版本号重新打包上传。"
        />
      )}
      <Descriptions size="small" bordered column={{ xs: 1, sm: 2, lg: 4 }}>
        {STAGES.map((stage) => (
          <Descriptions.Item key={stage} label={STAGE_WORDS[stage]}>
            {stageTag(check, stage)}
          </Descriptions.Item>
        ))}
      </Descriptions>
      {check.diagnostics.length > 0 && (
        <ScrollRegion label="检查发现的问题">
          <Table<CheckDiagnostic & { key: number }>
            size="small"
            pagination={check.diagnostics.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            dataSource={check.diagnostics.map((diagnostic, key) => ({ ...diagnostic, key }))}
            columns={[
              {
                key: 'place',
                title: '位置',
                render: (_, d) => <code className="plugin-place">{placeOf(d)}</code>,
              },
              {
                key: 'message',
                title: '问题',
                render: (_, d) => {
                  const line = sourceLine(files, d);
                  return (
                    <>
                      <div>
                        {d.message}
                        {d.code && <Typography.Text type="secondary">（{d.code}）</Typography.Text>}
                      </div>
                      {line && <code className="plugin-source-line">{line}</code>}
                    </>
                  );
                },
              },
            ]}
          />
        </ScrollRegion>
      )}
      {check.examples.length > 0 && (
        <ScrollRegion label="示例运行结果">
          <Table<ExampleResult & { key: number }>
            size="small"
            pagination={false}
            dataSource={check.examples.map((example, key) => ({ ...example, key }))}
            columns={[
              { key: 'name', title: '示例', dataIndex: 'name' },
              { key: 'hook', title: '钩子', render: (_, e) => hookWord(e.hook) },
              {
                key: 'ok',
                title: '结果',
                render: (_, e) => (e.ok ? <ToneTag tone="success">符合预期</ToneTag> : <ToneTag tone="error">不符</ToneTag>),
              },
              { key: 'message', title: '说明', render: (_, e) => e.message ?? '—' },
            ]}
          />
        </ScrollRegion>
      )}
    </Space>
  );
}
