import { defineRoute, type Clock, type Db, type Route } from '../kernel';
import { contentDisposition } from './contentDisposition';
import { FILE_KINDS } from './fileKinds';
import type { FileScanner } from './FileScanner';
import type { FileStorage } from './FileStorage';
import { fileViewSchema } from './FileView';
import { openFile, type CanRecipientOpen, type CanStaffOpen } from './openFile';
import { uploadFile, type ResolveUpload } from './uploadFile';

const tags = ['文件 files'];
const MIB = 1024 * 1024;
/** The largest file any material may allow (matter.schema.json: upload.maxSizeMb ≤ 50), plus the form around it. */
const MAX_UPLOAD_BYTES = 50 * MIB + 64 * 1024;

export interface FilesSettings {
  storage: FileStorage;
  scanner: FileScanner | undefined;
  /** The rules for one upload (intake: the caller's draft, the material's accept and size). */
  resolveUpload: ResolveUpload;
  /** Whether a staff member may open a file (intake: they handle its case). */
  canStaffOpen: CanStaffOpen;
  /** Whether a citizen may open a file staff uploaded for them (cases: the result of their case). */
  canRecipientOpen: CanRecipientOpen;
}

const uploadFieldsSchema = {
  type: 'object',
  required: ['file'],
  properties: {
    draftId: { type: 'string', format: 'uuid', description: '草稿 id（须在文件之前）' },
    applicationNumber: {
      type: 'string',
      pattern: '^[0-9A-Z]{19,36}[0-9]{12}$',
      description: '补正时代替 draftId：已提交申请的编号，材料须是待补正的一项（须在文件之前）',
    },
    caseNumber: {
      type: 'string',
      pattern: '^[0-9A-Z]{19,36}[0-9]{12}$',
      description: '结果文件（证照）：已准予的办件编号，单独给出，不带 materialId（本部门首席代表或窗口，须在文件之前）',
    },
    materialId: { type: 'string', pattern: '^[a-zA-Z][a-zA-Z0-9_-]{0,63}$', description: '材料标识（须在文件之前）' },
    file: { type: 'string', contentMediaType: 'application/octet-stream', description: '一个文件；类型按内容识别' },
  },
} as const;

export function filesRoutes(deps: { db: Db; clock: Clock }, settings: FilesSettings): Route[] {
  return [
    defineRoute({
      method: 'post',
      path: '/files',
      summary: '上传一份申请材料文件（multipart/form-data：draftId、materialId，然后一个 file）',
      description:
        '边接收边写入暂存并计算 sha256；超过该材料的大小上限立即停止（FILE_TOO_LARGE）。类型按文件内容识别，' +
        '可执行文件、脚本与压缩包一律拒收（FILE_TYPE_FORBIDDEN），不在该材料允许范围的拒收（FILE_TYPE_NOT_ALLOWED）；' +
        '配置了病毒扫描时先扫描（FILE_INFECTED、SCANNER_UNAVAILABLE）。任何拒收都不保存任何内容。',
      tags,
      access: 'user',
      body: {
        stream: {
          mediaTypes: ['multipart/form-data'],
          maxBytes: MAX_UPLOAD_BYTES,
          description: '表单字段 draftId、materialId 在前，随后一个文件字段 file',
          fields: uploadFieldsSchema,
        },
      },
      responses: { '201': { description: '已保存的文件', schema: fileViewSchema } },
      errors: [400, 401, 403, 404, 409, 413, 415, 422, 503],
      async handle({ call, body }) {
        return { status: 201, body: await uploadFile(deps, call, settings, body) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/files/{id}',
      summary: '下载文件（上传者本人；经办人员仅限扫描通过且属其经办的件；申请人可下载其办件的结果文件）',
      description:
        '作为附件下载（Content-Disposition 含 RFC 5987 filename*），nosniff 且 CSP sandbox。无权查看时与不存在一样答 404。',
      tags,
      access: 'user',
      params: {
        type: 'object',
        required: ['id'],
        additionalProperties: false,
        properties: { id: { type: 'string', format: 'uuid', description: '文件 id' } },
      },
      responses: {
        '200': {
          description: '文件内容',
          mediaTypes: Object.values(FILE_KINDS),
          schema: { type: 'string', contentMediaType: 'application/octet-stream' },
          headers: {
            'Content-Disposition': { description: 'attachment; filename="…"; filename*=UTF-8\'\'…', schema: { type: 'string' } },
            'Content-Security-Policy': { description: 'sandbox', schema: { type: 'string' } },
          },
        },
      },
      errors: [400, 401, 404],
      async handle({ call, params }) {
        const { file, stream } = await openFile(deps, call, settings, params.id);
        return {
          stream,
          headers: {
            'Content-Type': file.mediaType,
            'Content-Length': String(file.size),
            'Content-Disposition': contentDisposition(file.name),
            'Content-Security-Policy': 'sandbox',
            'X-Content-Type-Options': 'nosniff',
            'Cache-Control': 'private, no-store',
          },
        };
      },
    }),
  ];
}
