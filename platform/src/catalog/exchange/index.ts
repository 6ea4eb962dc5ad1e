export type { ImportIssue, DocumentSource } from './ImportIssue';
export { IMPORT_LIMITS, XLSX_MEDIA_TYPE } from './importLimits';
export { toNationalRecord, fromNationalRecord, nationalNameAt, type NationalRecord } from './nationalMapping';
export {
  exportCatalogJson,
  streamCatalogJson,
  type CatalogExport,
  type NationalExport,
  type ExportableMatter,
} from './exportCatalogJson';
export { parseCatalogJson, type ParsedCatalog } from './parseCatalogJson';
export { writeCatalogXlsx, streamCatalogXlsx, catalogXlsxStream, type SourceRevisions } from './writeCatalogXlsx';
export { pagesOfDocuments, type MatterPages, type MatterPart } from './MatterPages';
export { readCatalogXlsx, type ReadCatalogXlsxResult } from './readCatalogXlsx';
export { importCatalog, type SaveDraft, type SaveDraftOutcome, type ImportCatalogResult } from './importCatalog';
