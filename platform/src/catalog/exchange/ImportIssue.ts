import type { SourceVersion } from './sourceVersion';

/**
 * One problem found in an import file. `pointer` points into the resulting matter document; for
 * spreadsheets `sheet`, `row` (Excel row number) and `column` (the Chinese header) locate the cell;
 * for JSON files `row` is the 1-based position of the matter in the file.
 */
export interface ImportIssue {
  row: number;
  sheet?: string;
  column?: string;
  pointer: string;
  code: string;
  message: string;
  /** 实施编码 of the matter, when known. */
  matterCode?: string;
}

/**
 * Where a document came from, so that validation errors can name the cell to fix, and which
 * version and revision it was exported from, so that the import overwrites only that draft.
 */
export interface DocumentSource {
  row: number;
  sheet?: string;
  sourceVersion?: SourceVersion;
  /** JSON pointer → the cell that holds it (spreadsheets only). */
  cells?: ReadonlyMap<string, { sheet: string; row: number; column: string }>;
}

/** Never more than this many issues in one response; the total is reported alongside. */
export const MAX_REPORTED_ISSUES = 2000;
