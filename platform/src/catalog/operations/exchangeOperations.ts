import { fail } from '../../errors';
import { requireRole } from '../../identity';
import { knownDepartmentCodes } from '../../departments';
import {
  exportCatalogJson,
  importCatalog,
  parseCatalogJson,
  readCatalogXlsx,
  writeCatalogXlsx,
  type ImportCatalogResult,
} from '../exchange';
import { checkCatalogQuality, type QualityReport } from '../quality';
import { listLatestDocuments } from './listLatestDocuments';
import type { MatterFilters } from './searchMatters';
import { saveDraft } from './saveDraft';
import type { CatalogCall } from './CatalogCall';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export type ExportFormat = 'json' | 'national' | 'xlsx';

/**
 * POST /api/catalog/import: a JSON catalog or an xlsx workbook becomes drafts, all or nothing.
 * The role is checked before the file is parsed, so an outsider cannot make the server unzip.
 */
export async function importCatalogFile({ ctx, actor, bytes, mediaType }: CatalogCall & { bytes: Uint8Array; mediaType: string }): Promise<ImportCatalogResult> {
  requireRole(actor, ['legal', 'dept_admin']);
  if (bytes.length === 0) throw fail('IMPORT_FILE_UNREADABLE', { reason: 'empty' }, '导入文件为空');
  if (mediaType === 'application/json') {
    const parsed = parseCatalogJson({ text: bytes });
    return importCatalog(ctx, { actor, documents: parsed.documents, sources: parsed.sources, saveDraft });
  }
  if (mediaType === XLSX_MEDIA_TYPE || mediaType === 'application/octet-stream') {
    const parsed = await readCatalogXlsx({ bytes });
    return importCatalog(ctx, { actor, documents: parsed.documents, sources: parsed.sources, parseIssues: parsed.issues, saveDraft });
  }
  throw fail('UNSUPPORTED_MEDIA_TYPE', { expected: ['application/json', XLSX_MEDIA_TYPE] });
}

/** GET /api/catalog/export: each matter's newest version the user may see, in the chosen format. */
export async function exportCatalog({ ctx, actor, format, filters }: CatalogCall & { format: ExportFormat; filters: MatterFilters }): Promise<
  { mediaType: string; fileName: string; body: Buffer | string }
> {
  requireRole(actor, ['window', 'reviewer', 'chief', 'dept_admin', 'legal', 'supervisor', 'sysadmin']);
  const matters = await listLatestDocuments(ctx.db, { actor, filters, today: ctx.clock.today() });
  const stamp = ctx.clock.today().replaceAll('-', '');
  if (format === 'xlsx') {
    return { mediaType: XLSX_MEDIA_TYPE, fileName: `matters-${stamp}.xlsx`, body: await writeCatalogXlsx({ documents: matters.map((m) => m.document) }) };
  }
  const exported = exportCatalogJson({ matters, exportedAt: ctx.clock.now(), isNational: format === 'national' });
  return { mediaType: 'application/json; charset=utf-8', fileName: `matters-${stamp}${format === 'national' ? '-national' : ''}.json`, body: JSON.stringify(exported) };
}

/** GET /api/catalog/quality: the cleaning report over each matter's newest visible version. */
export async function catalogQuality({ ctx, actor, filters }: CatalogCall & { filters: MatterFilters }): Promise<QualityReport> {
  requireRole(actor, ['dept_admin', 'legal', 'supervisor', 'sysadmin']);
  // A department administrator cleans its own department's matters.
  const scoped = actor.role === 'dept_admin' ? { ...filters, department: actor.departmentCode ?? '' } : filters;
  const matters = await listLatestDocuments(ctx.db, { actor, filters: scoped, today: ctx.clock.today() });
  return checkCatalogQuality({ matters, knownDepartments: await knownDepartmentCodes(ctx.db) });
}
