import type { Actor } from '../../kernel';
import { checkImport } from './checkImport';
import type { DocumentSource, ImportIssue } from './ImportIssue';
import { parseCatalogJson } from './parseCatalogJson';
import { readCatalogXlsx } from './readCatalogXlsx';
import { upgradeImported, type ImportMigration } from './upgradeImported';

/** Documents per message from the import worker. */
export const IMPORT_MESSAGE_SLICE = 20;

export interface ParseImportInput {
  bytes: Uint8Array;
  kind: 'json' | 'xlsx';
  actor: Actor & { kind: 'user' };
  /** Registered department codes (read by the caller: this runs without a database). */
  departments: readonly string[];
  /** Lower than IMPORT_LIMITS in tests only. */
  maxUncompressedBytes?: number;
}

export interface ParsedImport {
  documents: unknown[];
  sources: DocumentSource[];
  /** Every problem in the file; the import writes nothing unless this is empty. */
  issues: ImportIssue[];
  /** Matters written against an older meta-schema, migrated before they were checked. */
  migrated: ImportMigration;
}

/** Everything an import does before the database: parsing the file, migrating old documents, checking every one. */
export async function parseImportFile({
  bytes,
  kind,
  actor,
  departments,
  maxUncompressedBytes,
}: ParseImportInput): Promise<ParsedImport> {
  const parsed =
    kind === 'json'
      ? { ...parseCatalogJson({ text: bytes }), issues: [] }
      : await readCatalogXlsx({ bytes, ...(maxUncompressedBytes === undefined ? {} : { maxUncompressedBytes }) });
  const { documents, migrated } = upgradeImported(parsed.documents);
  const issues = checkImport({
    documents,
    sources: parsed.sources,
    parseIssues: parsed.issues,
    actor,
    departments: new Set(departments),
  });
  return { documents, sources: parsed.sources, issues, migrated };
}
