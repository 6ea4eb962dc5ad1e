import { Button, Card, Descriptions, List, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { CaseFile, FileView } from './caseTypes';
import { chineseDate, shanghaiDateTime } from './caseWords';
import { canPreview, FilePreview, isOpenable } from './FilePreview';
import { formEntries } from './formEntries';

const sizeWords = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Who applied for what, under which version. */
export function ApplicationCard({ file }: { file: CaseFile }) {
  const { application } = file;
  return (
    <Card title="申请信息" size="small">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'applicant', label: '申请人', children: application.applicant.name },
          { key: 'id', label: '证件号码', children: application.applicant.idNumberMasked },
          { key: 'phone', label: '联系电话', children: application.applicant.phone },
          { key: 'matter', label: '事项', children: `${application.matterName}（第 ${application.version} 版）` },
          { key: 'department', label: '实施主体', children: application.departmentName },
          { key: 'submitted', label: '提交时间', children: shanghaiDateTime(application.submittedAt) },
          { key: 'received', label: '收件日期', children: chineseDate(application.receivedOn) },
          { key: 'limit', label: '承诺时限', children: application.promisedLimit ?? '—' },
          ...(application.filedBy
            ? [
                {
                  key: 'filedBy',
                  label: '代办',
                  children: `${application.filedBy.displayName}${application.filedBy.departmentName ? `（${application.filedBy.departmentName}）` : ''}`,
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

/** The form data under the version's titles. */
export function FormDataCard({ file }: { file: CaseFile }) {
  const entries = useMemo(() => formEntries(file.document.form, file.application.formData), [file]);
  return (
    <Card title="申请表" size="small">
      {entries.length === 0 ? (
        <Typography.Text>该事项没有申请表。</Typography.Text>
      ) : (
        <Descriptions
          size="small"
          bordered
          column={1}
          items={entries.map((entry) => ({ key: entry.pointer, label: entry.label, children: entry.value }))}
        />
      )}
    </Card>
  );
}

/** The materials as received, each file previewable (images, PDF) and downloadable. */
export function MaterialsCard({ file }: { file: CaseFile }) {
  const [previewed, setPreviewed] = useState<FileView | null>(null);
  return (
    <Card title="申请材料" size="small">
      <List
        size="small"
        dataSource={file.application.materials}
        renderItem={(material) => (
          <List.Item>
            <Space orientation="vertical" size={2} className="material-entry">
              <Typography.Text strong>{material.name}</Typography.Text>
              {material.files.length === 0 ? (
                <Typography.Text type="secondary">{material.isUpload ? '未上传' : '无需上传（纸质或免提交）'}</Typography.Text>
              ) : (
                material.files.map((received) => (
                  <Space key={received.id} wrap size={4}>
                    <Typography.Text>
                      {received.name}（{sizeWords(received.size)}）
                    </Typography.Text>
                    {canPreview(received) && (
                      <Button size="small" onClick={() => setPreviewed(received)} aria-label={`预览 ${received.name}`}>
                        预览
                      </Button>
                    )}
                    {isOpenable(received) ? (
                      <Button size="small" type="link" href={`/api/files/${received.id}`} aria-label={`下载 ${received.name}`}>
                        下载
                      </Button>
                    ) : (
                      <Typography.Text type="secondary">
                        {received.scan === 'infected' ? '发现病毒，已隔离' : '待病毒扫描，暂不能查看'}
                      </Typography.Text>
                    )}
                  </Space>
                ))
              )}
            </Space>
          </List.Item>
        )}
      />
      <FilePreview file={previewed} onClose={() => setPreviewed(null)} />
    </Card>
  );
}
