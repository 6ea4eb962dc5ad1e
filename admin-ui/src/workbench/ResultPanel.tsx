import { Button, Card, Typography } from 'antd';
import { useRef, useState } from 'react';
import { api } from '../api/api';
import { useStaffUser } from '../session/SessionProvider';
import { ActionProblemAlert } from './ActionProblemAlert';
import type { CaseFile, CaseView } from './caseTypes';
import { useCaseAction } from './useCaseAction';

const ATTACHERS = ['chief', 'window'];
const DECIDED = ['decided', 'completed'];

/** POST /api/files for the case's result: the case number alone, then the file (multipart). */
async function uploadResult(number: string, file: File): Promise<{ id: string }> {
  const form = new FormData();
  form.set('caseNumber', number);
  form.set('file', file, file.name);
  const request = new Request('/api/files', { method: 'POST', body: form });
  const body = await request.blob();
  return api.upload<{ id: string }>('/api/files', body, request.headers.get('content-type') ?? '', () => undefined);
}

/**
 * 许可结果: after 准予 the chief or the window of the case's department attaches the licence (a scan
 * or the electronic one, PDF or image), which the applicant then downloads from 我的办件. A second
 * upload replaces the first.
 */
export function ResultPanel({
  file,
  onChanged,
  onReload,
}: {
  file: CaseFile;
  onChanged: (view: CaseView) => void;
  onReload: () => void;
}) {
  const user = useStaffUser();
  const input = useRef<HTMLInputElement>(null);
  const [isUploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const { send, isSending, problem } = useCaseAction(file.case, onChanged, onReload);
  const isTheirs = ATTACHERS.includes(user.role) && user.departmentCode === file.case.departmentCode;
  if (!isTheirs || !DECIDED.includes(file.case.status) || file.case.decision?.outcome !== 'approved') return null;
  const result = file.case.result ?? null;
  async function attach(chosen: File) {
    setUploading(true);
    setUploadError(null);
    try {
      const uploaded = await uploadResult(file.case.number, chosen);
      await send({ fileId: uploaded.id }, 'result');
    } catch (error) {
      setUploadError(error instanceof Error ? error.message : String(error));
    } finally {
      setUploading(false);
      if (input.current) input.current.value = '';
    }
  }
  return (
    <Card title="许可结果（证照）" size="small">
      <Typography.Paragraph>
        {result
          ? `已附：${result.name}（申请人可在“我的办件”下载）`
          : '尚未附上许可结果。上传证照扫描件或电子证照（PDF、JPG、PNG），申请人即可下载。'}
      </Typography.Paragraph>
      <input
        ref={input}
        type="file"
        hidden
        aria-label="选择许可结果文件"
        accept="application/pdf,image/jpeg,image/png"
        onChange={(event) => {
          const chosen = event.target.files?.[0];
          if (chosen) void attach(chosen);
        }}
      />
      <Button type="primary" loading={isUploading || isSending} onClick={() => input.current?.click()}>
        {result ? '替换许可结果' : '上传许可结果'}
      </Button>
      {uploadError && <Typography.Paragraph type="danger">{uploadError}</Typography.Paragraph>}
      <ActionProblemAlert problem={problem} onReload={onReload} />
    </Card>
  );
}
