import { fail, readerOf, requireRole, type Call, type Clock, type Db } from '../../kernel';
import { knownDepartmentCodes } from '../../departments';
import { catalogXlsxStream, streamCatalogJson, importCatalog, XLSX_MEDIA_TYPE, type ImportCatalogResult } from '../exchange';
import { runQualityReport, type CatalogSettings, type QualityReport } from '../quality';
import { databasePages, listExportKeys } from './exportPages';
import type { MatterFilters } from './searchMatters';
import { saveDraft } from './saveDraft';
import { MAX_REPORTED_ISSUES } from '../exchange/ImportIssue';
import { runImportWorker } from '../exchange/runImportWorker';

export type ExportFormat = 'json' | 'national' | 'xlsx';

/** Imports that write at least this many matters refresh the planner's statistics. */
const BULK_WRITE_ROWS = 100;

type ExchangeDeps = { db: Db; clock: Clock };

/**
 * POST /api/catalog/import: a JSON catalog or an xlsx workbook becomes drafts; any invalid row
 * refuses the whole file. The role is checked before the file is parsed, so an outsider cannot
 * make the server unzip; parsing, migrating older documents and checking run in a worker so that
 * other requests go on.
 */
export async function importCatalogFile(
  deps: ExchangeDeps,
  call: Call,
  { bytes, mediaType, isDryRun = false }: { bytes: Uint8Array; mediaType: string; isDryRun?: boolean },
): Promise<ImportCatalogResult> {
  const { actor } = call;
  requireRole(actor, ['legal', 'dept_admin']);
  if (bytes.length === 0) throw fail('IMPORT_FILE_UNREADABLE', { reason: 'empty' }, '导入文件为空');
  const kind =
    mediaType === 'application/json'
      ? 'json'
      : mediaType === XLSX_MEDIA_TYPE || mediaType === 'application/octet-stream'
        ? 'xlsx'
        : undefined;
  if (!kind) throw fail('UNSUPPORTED_MEDIA_TYPE', { expected: ['application/json', XLSX_MEDIA_TYPE] });
  const departments = [...(await knownDepartmentCodes(deps.db))];
  const parsed = await runImportWorker({ bytes, kind, actor, departments });
  if (parsed.issues.length > 0) {
    throw fail('IMPORT_INVALID', { errors: parsed.issues.slice(0, MAX_REPORTED_ISSUES), total: parsed.issues.length });
  }
  const result = await importCatalog(deps, call, {
    documents: parsed.documents,
    sources: parsed.sources,
    isChecked: true,
    migrated: parsed.migrated,
    isDryRun,
    saveDraft: (tx, document, source) => saveDraft(deps, { ...call, tx }, { document, guard: { source } }),
  });
  // A bulk import can multiply the catalog; PGlite has no autovacuum to notice, so the planner
  // would keep statistics of the catalog before it.
  if (!isDryRun && result.codes.length >= BULK_WRITE_ROWS) await deps.db.query('ANALYZE matter_versions');
  return result;
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

/** GET /api/catalog/quality: the cleaning report (quality/runQualityReport). */
export async function catalogQuality(
  deps: ExchangeDeps & CatalogSettings,
  call: Call,
  { filters }: { filters: MatterFilters },
): Promise<QualityReport> {
  return runQualityReport(deps, call, { filters });
}
