import { Alert, Button, Modal, Spin } from 'antd';
import { useEffect, useState } from 'react';
import type { FileView } from './caseTypes';

const isImage = (file: FileView) => file.mediaType.startsWith('image/');
/** Staff open a file only once the scanner passed it (the platform answers 404 before). */
export const isOpenable = (file: FileView) => file.scan === 'clean';
export const canPreview = (file: FileView) => isOpenable(file) && (isImage(file) || file.mediaType === 'application/pdf');

/**
 * A PDF is fetched and framed from a blob: the platform serves files as attachments (so a browser
 * never renders an upload as a page of the app), and a frame of the download URL would only save
 * it. The admin CSP allows `blob:` frames for this; images load from the same origin as they are.
 */
function PdfFrame({ file }: { file: FileView }) {
  const [url, setUrl] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    let objectUrl: string | null = null;
    let isCurrent = true;
    fetch(`/api/files/${file.id}`, { credentials: 'same-origin' })
      .then(async (response) => {
        if (!response.ok) throw new Error(response.status === 404 ? '文件不存在或无权查看' : `读取失败（${response.status}）`);
        const blob = new Blob([await response.arrayBuffer()], { type: 'application/pdf' });
        objectUrl = URL.createObjectURL(blob);
        if (isCurrent) setUrl(objectUrl);
      })
      .catch((error: unknown) => isCurrent && setFailure(error instanceof Error ? error.message : String(error)));
    return () => {
      isCurrent = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [file.id]);
  if (failure) return <Alert type="error" showIcon title={failure} />;
  if (!url) return <Spin description="正在读取文件…" />;
  return <iframe className="file-preview-pdf" title={`${file.name}（PDF 预览）`} src={url} />;
}

/** One received file in a modal: the image or the PDF itself, and a download beside it. */
export function FilePreview({ file, onClose }: { file: FileView | null; onClose: () => void }) {
  return (
    <Modal
      open={file !== null}
      title={file ? `预览：${file.name}` : '预览'}
      onCancel={onClose}
      width={900}
      destroyOnHidden
      footer={[
        file && (
          <Button key="download" href={`/api/files/${file.id}`}>
            下载
          </Button>
        ),
        <Button key="close" type="primary" onClick={onClose}>
          关闭
        </Button>,
      ]}
    >
      {file &&
        (isImage(file) ? (
          <img className="file-preview-image" src={`/api/files/${file.id}`} alt={file.name} />
        ) : (
          <PdfFrame file={file} />
        ))}
    </Modal>
  );
}
