import { describeUploadRules, REQUIREMENT_LABELS, type MaterialSlot, type Situation, type UploadKind } from '@matterflow/schemas';
import { useId, useState, type ChangeEvent } from 'react';
import type { FileView } from '../api/intakeApi';
import { uploadFile } from './uploadFile';
import type { SlotFiles } from './draftFiles';

/** What the file picker offers for each kind the platform accepts (it sniffs content; this only helps the picker). */
const PICKER: Record<UploadKind, string> = {
  pdf: '.pdf,application/pdf',
  jpg: '.jpg,.jpeg,image/jpeg',
  png: '.png,image/png',
  docx: '.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function fileSizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${bytes} 字节`;
}

function handIn(slot: MaterialSlot): string {
  const { material } = slot;
  const copies = material.copies ?? 1;
  const paper = `${material.type ?? '原件'} ${copies} 份`;
  if (material.format === '纸质') return `纸质${paper}，请到窗口提交`;
  if (material.format === '纸质或电子') return `可上传电子版，或到窗口提交纸质${paper}`;
  return '上传电子版';
}

interface SlotProps {
  slot: MaterialSlot;
  files: FileView[];
  draftId: string;
  situations: readonly Situation[];
  issues: readonly string[];
  isReadOnly: boolean;
  onAdd: (file: FileView) => void;
  onRemove: (fileId: string) => void;
}

function Slot({ slot, files, draftId, situations, issues, isReadOnly, onAdd, onRemove }: SlotProps) {
  const id = useId();
  const [progress, setProgress] = useState<{ name: string; fraction: number } | undefined>();
  const [refusal, setRefusal] = useState<string | undefined>();
  const { material, requirement, rules } = slot;
  const isOnline = requirement === 'filled' || material.source === '在线填报';
  const canUpload = requirement !== 'fetched' && slot.isUpload && !isOnline;
  const isFull = files.length >= rules.maxFiles;
  const addedBy = slot.addedBy.map((sid) => situations.find((s) => s.id === sid)?.name ?? sid);

  const pick = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = [...(event.target.files ?? [])];
    event.target.value = '';
    setRefusal(undefined);
    for (const file of chosen.slice(0, rules.maxFiles - files.length)) {
      if (file.size > rules.maxBytes) {
        setRefusal(
          `“${file.name}”为 ${fileSizeText(file.size)}，超过本材料每个文件 ${fileSizeText(rules.maxBytes)} 的上限，请压缩或分页后再上传。`,
        );
        continue;
      }
      setProgress({ name: file.name, fraction: 0 });
      try {
        const stored = await uploadFile({ draftId, materialId: material.id, file }, (fraction) =>
          setProgress({ name: file.name, fraction }),
        );
        onAdd(stored);
      } catch (error) {
        setRefusal(`“${file.name}”未能上传：${error instanceof Error ? error.message : '上传失败'}`);
      } finally {
        setProgress(undefined);
      }
    }
  };

  const messages = [...issues, ...(refusal ? [refusal] : [])];
  return (
    <li className={`slot slot-${requirement}${messages.length > 0 ? ' slot-invalid' : ''}`} aria-labelledby={`${id}-name`}>
      <h3 className="slot-name" id={`${id}-name`}>
        {material.name}
      </h3>
      <p className="slot-meta">
        <span className={`badge badge-requirement badge-${requirement}`}>{REQUIREMENT_LABELS[requirement]}</span>
        {addedBy.length > 0 && <span className="badge badge-situation">{addedBy.join('、')}需要</span>}
      </p>
      {requirement === 'fetched' ? (
        <p className="muted">无需上传：受理时由窗口通过电子证照库或部门共享调取。</p>
      ) : isOnline ? (
        <p className="muted">即本页申请表，在线填写即可，无需另行上传。</p>
      ) : (
        <>
          <p className="muted">{handIn(slot)}</p>
          {slot.isUpload && <p className="muted">可上传：{describeUploadRules(rules)}</p>}
        </>
      )}
      {material.fillExplain && <p className="muted">填报须知：{material.fillExplain}</p>}
      {files.length > 0 && (
        <ul className="slot-files" aria-label={`${material.name}已上传的文件`}>
          {files.map((file) => (
            <li key={file.id} className="slot-file">
              <span className="slot-file-name">{file.name}</span>
              {file.size > 0 && <span className="muted">{fileSizeText(file.size)}</span>}
              {!isReadOnly && (
                <button
                  type="button"
                  className="button button-secondary button-small"
                  aria-label={`删除 ${file.name}`}
                  onClick={() => onRemove(file.id)}
                >
                  删除
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canUpload && !isReadOnly && (
        <div className="slot-upload">
          <input
            id={`${id}-file`}
            className="visually-hidden file-input"
            type="file"
            multiple={rules.maxFiles - files.length > 1}
            accept={rules.accept.map((kind) => PICKER[kind]).join(',')}
            disabled={isFull || progress !== undefined}
            aria-describedby={messages.length > 0 ? `${id}-errors` : undefined}
            onChange={(event) => void pick(event)}
          />
          <label htmlFor={`${id}-file`} className={`button button-secondary file-button${isFull ? ' is-disabled' : ''}`}>
            {isFull ? `已达 ${rules.maxFiles} 个文件上限` : files.length > 0 ? '继续上传' : '选择文件上传'}
            <span className="visually-hidden">：{material.name}</span>
          </label>
        </div>
      )}
      {progress && (
        <p className="slot-progress" role="status">
          <label htmlFor={`${id}-progress`}>正在上传“{progress.name}”</label>
          <progress id={`${id}-progress`} max={1} value={progress.fraction} />
          <span>{Math.round(progress.fraction * 100)}%</span>
        </p>
      )}
      {messages.length > 0 && (
        // The alert wraps the list: on the list itself it would take away its list semantics.
        <div role="alert" id={`${id}-errors`}>
          <ul className="slot-errors">
            {messages.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </div>
      )}
    </li>
  );
}

/**
 * The materials this application needs, as its answers and form stand: one slot each, with how it
 * is handed in, what may be uploaded, and the platform's word on each file. A slot appears and
 * disappears as answers change (the same `materialSlots` the platform checks on submit).
 */
export function MaterialSlots({
  slots,
  files,
  draftId,
  situations,
  issues,
  isReadOnly,
  onAdd,
  onRemove,
}: {
  slots: readonly MaterialSlot[];
  files: SlotFiles;
  draftId: string;
  situations: readonly Situation[];
  issues: Record<string, string[]>;
  isReadOnly: boolean;
  onAdd: (materialId: string, file: FileView) => void;
  onRemove: (materialId: string, fileId: string) => void;
}) {
  const inSlots = new Set(slots.map((slot) => slot.material.id));
  const leftOver = Object.entries(files).filter(([materialId, list]) => !inSlots.has(materialId) && list.length > 0);
  return (
    <section className="slots" aria-labelledby="slots-heading">
      <h2 id="slots-heading">申请材料（{slots.length} 项）</h2>
      <p className="muted" role="status">
        材料随您的回答和申请表内容变化。
      </p>
      <ol className="slot-list">
        {slots.map((slot) => (
          <Slot
            key={slot.material.id}
            slot={slot}
            files={files[slot.material.id] ?? []}
            draftId={draftId}
            situations={situations}
            issues={issues[slot.material.id] ?? []}
            isReadOnly={isReadOnly}
            onAdd={(file) => onAdd(slot.material.id, file)}
            onRemove={(fileId) => onRemove(slot.material.id, fileId)}
          />
        ))}
      </ol>
      {leftOver.length > 0 && (
        <p className="callout">
          按您现在的回答，以下已上传的文件不再需要，提交时不会带上：
          {leftOver.map(([, list]) => list.map((file) => file.name).join('、')).join('、')}
        </p>
      )}
    </section>
  );
}
