/** `POST /api/catalog/import` answers (docs/exchange.md). */
export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  total: number;
  codes: string[];
  conflicts: { code: string; row: number; reason: string }[];
  inReview: { code: string; row: number }[];
  migrated: { count: number; fromVersions: number[]; toVersion: number };
  isDryRun: boolean;
}

/** One problem of a refused file: the cell (xlsx) or the matter's position (JSON), and the field's pointer. */
export interface ImportIssue {
  row: number;
  sheet?: string;
  column?: string;
  pointer: string;
  code: string;
  message: string;
  matterCode?: string;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The body type the platform takes for a file: by its name, since browsers often give xlsx no type. */
export function importMediaType(fileName: string): string | undefined {
  if (/\.json$/i.test(fileName)) return 'application/json';
  if (/\.xlsx$/i.test(fileName)) return XLSX_TYPE;
  return undefined;
}

/** The errors of an IMPORT_INVALID answer (`details.errors`, at most a few hundred) and how many there were. */
export function importErrorsOf(details: unknown): { errors: ImportIssue[]; total: number } {
  const value = details as { errors?: unknown; total?: unknown } | null;
  const errors = Array.isArray(value?.errors) ? (value.errors as ImportIssue[]) : [];
  return { errors, total: typeof value?.total === 'number' ? value.total : errors.length };
}
