import { fail, readerOf, requireRole, type Call, type Clock, type Db } from '../../kernel';
import { knownDepartmentCodes } from '../../departments';
import {
  catalogXlsxStream,
  streamCatalogJson,
  importCatalog,
  parseCatalogJson,
  readCatalogXlsx,
  XLSX_MEDIA_TYPE,
  type ImportCatalogResult,
} from '../exchange';
import { checkCatalogQuality, type QualityReport } from '../quality';
import { databasePages, listExportKeys } from './exportPages';
import { listLatestDocuments } from './listLatestDocuments';
import type { MatterFilters } from './searchMatters';
import { saveDraft } from './saveDraft';

export type ExportFormat = 'json' | 'national' | 'xlsx';

type ExchangeDeps = { db: Db; clock: Clock };

/**
 * POST /api/catalog/import: a JSON catalog or an xlsx workbook becomes drafts, all or nothing.
 * The role is checked before the file is parsed, so an outsider cannot make the server unzip.
 */
export async function importCatalogFile(
  deps: ExchangeDeps,
  call: Call,
  { bytes, mediaType }: { bytes: Uint8Array; mediaType: string },
): Promise<ImportCatalogResult> {
  requireRole(call.actor, ['legal', 'dept_admin']);
  if (bytes.length === 0) throw fail('IMPORT_FILE_UNREADABLE', { reason: 'empty' }, '导入文件为空');
  const save = (tx: Parameters<Parameters<Db['transaction']>[0]>[0], document: Parameters<typeof saveDraft>[2]['document']) =>
    saveDraft(deps, { ...call, tx }, { document });
  if (mediaType === 'application/json') {
    const parsed = parseCatalogJson({ text: bytes });
    return importCatalog(deps, call, { documents: parsed.documents, sources: parsed.sources, saveDraft: save });
  }
  if (mediaType === XLSX_MEDIA_TYPE || mediaType === 'application/octet-stream') {
    const parsed = await readCatalogXlsx({ bytes });
    return importCatalog(deps, call, {
      documents: parsed.documents,
      sources: parsed.sources,
      parseIssues: parsed.issues,
      saveDraft: save,
    });
  }
  throw fail('UNSUPPORTED_MEDIA_TYPE', { expected: ['application/json', XLSX_MEDIA_TYPE] });
}

/**
 * GET /api/catalog/export: each matter's newest version the user may see, in the chosen format,
 * streamed: which versions is settled up front (role and query errors are still a status code),
 * the documents are read page by page while the reply is written, so memory stays at a page and
 * other requests run in between.
 */
export async function exportCatalog(
  deps: ExchangeDeps,
  call: Call,
  { format, filters }: { format: ExportFormat; filters: MatterFilters },
): Promise<{ mediaType: string; fileName: string; stream: AsyncIterable<Uint8Array | string> }> {
  requireRole(call.actor, ['window', 'reviewer', 'chief', 'dept_admin', 'legal', 'supervisor', 'sysadmin']);
  const keys = await listExportKeys(deps, call, { filters });
  const pages = databasePages(readerOf(deps.db, call), keys);
  const stamp = deps.clock.today().replaceAll('-', '');
  if (format === 'xlsx') {
    const sources = new Map(keys.map((key) => [key.code, { version: key.version, revision: key.revision }]));
    return { mediaType: XLSX_MEDIA_TYPE, fileName: `matters-${stamp}.xlsx`, stream: catalogXlsxStream({ pages, sources }) };
  }
  return {
    mediaType: 'application/json; charset=utf-8',
    fileName: `matters-${stamp}${format === 'national' ? '-national' : ''}.json`,
    stream: streamCatalogJson({ pages, exportedAt: deps.clock.now(), isNational: format === 'national' }),
  };
}

/** GET /api/catalog/quality: the cleaning report over each matter's newest visible version. */
export async function catalogQuality(
  deps: ExchangeDeps,
  call: Call,
  { filters }: { filters: MatterFilters },
): Promise<QualityReport> {
  const { actor } = call;
  requireRole(actor, ['dept_admin', 'legal', 'supervisor', 'sysadmin']);
  // A department administrator cleans its own department's matters.
  const scoped = actor.role === 'dept_admin' ? { ...filters, department: actor.departmentCode ?? '' } : filters;
  const matters = await listLatestDocuments(deps, call, { filters: scoped });
  return checkCatalogQuality({ matters, knownDepartments: await knownDepartmentCodes(deps.db) });
}
