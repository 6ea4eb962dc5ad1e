import type { Material } from '../generated/MatterDocument';

/** File kinds a material may accept, by the extension the platform sniffs from content. */
export type UploadKind = 'pdf' | 'jpg' | 'png' | 'docx' | 'xlsx';

export interface UploadRules {
  accept: UploadKind[];
  maxBytes: number;
  maxFiles: number;
}

/** What a material without its own `upload` accepts: scans and photos of papers, as the national platform does. */
export const DEFAULT_UPLOAD = { accept: ['pdf', 'jpg', 'png'] as UploadKind[], maxSizeMb: 10, maxFiles: 10 };

const MIB = 1024 * 1024;

/** The one reading of a material's upload rules: the portal shows them, files and intake enforce them. */
export function uploadRulesFor(material: Pick<Material, 'upload'>): UploadRules {
  const own = material.upload ?? {};
  return {
    accept: own.accept ?? DEFAULT_UPLOAD.accept,
    maxBytes: (own.maxSizeMb ?? DEFAULT_UPLOAD.maxSizeMb) * MIB,
    maxFiles: own.maxFiles ?? DEFAULT_UPLOAD.maxFiles,
  };
}

const KIND_NAMES: Record<UploadKind, string> = {
  pdf: 'PDF',
  jpg: 'JPG',
  png: 'PNG',
  docx: 'Word（docx）',
  xlsx: 'Excel（xlsx）',
};

/** “PDF、JPG、PNG，每个不超过 10 MB”. */
export function describeUploadRules(rules: UploadRules): string {
  const size = rules.maxBytes % MIB === 0 ? `${rules.maxBytes / MIB} MB` : `${Math.ceil(rules.maxBytes / 1024)} KB`;
  return `${rules.accept.map((kind) => KIND_NAMES[kind]).join('、')}，每个不超过 ${size}，最多 ${rules.maxFiles} 个`;
}
