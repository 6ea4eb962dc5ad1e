/** How a stored file is shown to its owner, to intake and to the staff who handle the case. */
export interface FileView {
  id: string;
  /** The name it was uploaded with (Chinese kept), cleaned of paths and control characters. */
  name: string;
  size: number;
  /** Sniffed from the bytes, never taken from the name or the upload's Content-Type. */
  mediaType: string;
  extension: string;
  sha256: string;
  /** 'infected' is never stored by an upload (refused); a later rescan may set it. */
  scan: ScanState;
}

export type ScanState = 'clean' | 'unscanned' | 'infected';

export const fileViewSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'name', 'size', 'mediaType', 'extension', 'sha256', 'scan'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    name: { type: 'string', description: '上传时的文件名（保留中文）' },
    size: { type: 'integer', minimum: 1, description: '字节数' },
    mediaType: { type: 'string', description: '按文件内容识别的类型' },
    extension: { type: 'string', description: '按文件内容识别的扩展名，如 pdf、jpg、png' },
    sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
    scan: {
      enum: ['clean', 'unscanned', 'infected'],
      description: 'clean：病毒扫描通过；unscanned：未配置扫描（工作人员不能打开）',
    },
  },
} as const;
