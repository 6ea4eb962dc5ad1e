import { describeUploadRules, type UploadKind } from '@matterflow/schemas';
import { useState, type ChangeEvent } from 'react';
import type { FileView } from '../api/intakeApi';
import { uploadFile } from '../apply/uploadFile';
import type { ProgressItem } from './caseApi';

const PICKER: Record<string, string> = {
  pdf: '.pdf,application/pdf',
  jpg: '.jpg,.jpeg,image/jpeg',
  png: '.png,image/png',
  docx: '.docx',
  xlsx: '.xlsx',
};

type MaterialItem = Extract<ProgressItem, { kind: 'material' }>;

/** One material the notice asks for: its reason, what may be uploaded, the files given so far. */
export function SupplementMaterial({
  number,
  item,
  files,
  onChange,
  messages,
}: {
  number: string;
  item: MaterialItem;
  files: FileView[];
  onChange: (files: FileView[]) => void;
  messages: string[];
}) {
  const [progress, setProgress] = useState<number | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const id = `material-${item.materialId}`;
  const isFull = files.length >= item.maxFiles;
  async function pick(event: ChangeEvent<HTMLInputElement>) {
    const chosen = [...(event.target.files ?? [])];
    event.target.value = '';
    setProblem(undefined);
    let kept = files;
    for (const file of chosen.slice(0, item.maxFiles - files.length)) {
      try {
        setProgress(0);
        const uploaded = await uploadFile({ applicationNumber: number, materialId: item.materialId, file }, setProgress);
        kept = [...kept, uploaded];
        onChange(kept);
      } catch (error) {
        setProblem(`“${file.name}”未上传：${error instanceof Error ? error.message : '上传失败'}`);
      } finally {
        setProgress(undefined);
      }
    }
  }
  const shown = [...(problem ? [problem] : []), ...messages];
  return (
    <li className="supplement-item">
      <h3 className="supplement-item-name" id={`${id}-name`}>
        {item.name}
      </h3>
      <p className="supplement-reason">
        <span className="supplement-reason-label">补正原因</span>
        {item.reason}
      </p>
      {item.isUpload ? (
        <>
          <p className="muted">
            {describeUploadRules({ accept: item.accept as UploadKind[], maxBytes: item.maxBytes, maxFiles: item.maxFiles })}
          </p>
          {files.length > 0 && (
            <ul className="supplement-files" aria-label={`已上传的“${item.name}”`}>
              {files.map((file) => (
                <li key={file.id}>
                  <span className="supplement-file-name">{file.name}</span>
                  <button
                    type="button"
                    className="button button-secondary"
                    onClick={() => onChange(files.filter((other) => other.id !== file.id))}
                  >
                    移除<span className="visually-hidden">：{file.name}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          <input
            id={`${id}-file`}
            className="visually-hidden supplement-file-input"
            type="file"
            multiple={item.maxFiles - files.length > 1}
            accept={item.accept.map((kind) => PICKER[kind] ?? `.${kind}`).join(',')}
            disabled={isFull || progress !== undefined}
            aria-describedby={shown.length > 0 ? `${id}-errors` : undefined}
            onChange={(event) => void pick(event)}
          />
          <label htmlFor={`${id}-file`} className="button button-secondary button-block supplement-file-button">
            {progress !== undefined
              ? `正在上传 ${Math.round(progress * 100)}%`
              : isFull
                ? `已达 ${item.maxFiles} 个文件上限`
                : files.length > 0
                  ? '继续上传'
                  : '选择文件上传'}
            <span className="visually-hidden">：{item.name}</span>
          </label>
        </>
      ) : (
        <p className="notice">这份材料请带原件到窗口提交。</p>
      )}
      {shown.length > 0 && (
        <div id={`${id}-errors`} role="alert">
          <ul className="field-errors">
            {shown.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </div>
      )}
    </li>
  );
}
