import { fail } from '../../kernel';
import { isPlainObject } from './documentPaths';
import type { DocumentSource } from './ImportIssue';
import { IMPORT_LIMITS } from './importLimits';
import { fromNationalRecord } from './nationalMapping';
import { readSourceVersion } from './sourceVersion';

export interface ParsedCatalog {
  format: 'matterflow-catalog' | 'national-exchange' | 'array';
  documents: unknown[];
  sources: DocumentSource[];
}

/**
 * Reads an import file in our format, the national exchange format or as a bare array of
 * documents. Documents are not validated here (importCatalog does that, collecting every error);
 * only a file that is not one of these shapes is refused.
 */
export function parseCatalogJson({ text }: { text: string | Uint8Array }): ParsedCatalog {
  const source = typeof text === 'string' ? text : Buffer.from(text).toString('utf8');
  if (source.length > IMPORT_LIMITS.maxFileBytes) {
    throw fail('BODY_TOO_LARGE', { limitBytes: IMPORT_LIMITS.maxFileBytes }, '导入文件过大');
  }
  let value: unknown;
  try {
    value = JSON.parse(source.replace(/^\uFEFF/, ''));
  } catch {
    // The parser's own text names its internals; the clerk is told what to do instead.
    throw fail(
      'IMPORT_FILE_UNREADABLE',
      { reason: 'invalidJson' },
      '导入文件不是合法的 JSON，请使用本系统导出的文件或检查文件是否完整',
    );
  }
  const { format, documents, revisions } = documentsOf(value);
  if (documents.length > IMPORT_LIMITS.maxMatters) {
    throw fail(
      'BODY_TOO_LARGE',
      { limit: IMPORT_LIMITS.maxMatters, actual: documents.length },
      `一次最多导入 ${IMPORT_LIMITS.maxMatters} 个事项`,
    );
  }
  return {
    format,
    documents,
    sources: documents.map((document, index) => {
      const code = isPlainObject(document) && typeof document.code === 'string' ? document.code : undefined;
      const sourceVersion =
        code === undefined || !Object.hasOwn(revisions, code) ? undefined : readSourceVersion(revisions[code]);
      return { row: index + 1, ...(sourceVersion ? { sourceVersion } : {}) };
    }),
  };
}

/**
 * `revisions` (our format only) maps a code to the version and revision it was exported from; a
 * missing or malformed entry means "not known", which makes the import refuse to overwrite a draft
 * that differs.
 */
function documentsOf(value: unknown): Pick<ParsedCatalog, 'format' | 'documents'> & { revisions: Record<string, unknown> } {
  if (Array.isArray(value)) return { format: 'array', documents: value, revisions: {} };
  if (isPlainObject(value) && value.format === 'matterflow-catalog') {
    requireVersion(value.version);
    if (!Array.isArray(value.matters)) throw unreadable('matters 应为数组');
    const revisions = isPlainObject(value.revisions) ? value.revisions : {};
    return { format: 'matterflow-catalog', documents: value.matters, revisions };
  }
  if (isPlainObject(value) && value.format === 'national-exchange') {
    requireVersion(value.version ?? 1);
    if (!Array.isArray(value.records)) throw unreadable('records 应为数组');
    return {
      format: 'national-exchange',
      documents: value.records.map((record) => fromNationalRecord({ record })),
      revisions: {},
    };
  }
  throw unreadable('无法识别的文件格式：应为事项目录导出文件（format 为 matterflow-catalog 或 national-exchange）或事项数组');
}

function requireVersion(version: unknown): void {
  if (version !== 1) throw unreadable(`不支持的导出文件版本 ${String(version)}`);
}

function unreadable(message: string) {
  return fail('IMPORT_FILE_UNREADABLE', { reason: 'unknownFormat', message }, message);
}
