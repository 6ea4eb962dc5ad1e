/**
 * The version and revision an exported matter was read from. An import overwrites an open draft
 * only when the file says it was exported from exactly that draft revision, so that nobody's
 * later edit is silently replaced.
 *
 * JSON export: top-level `revisions: { [code]: { version, revision } }` next to `matters`.
 * xlsx export: the 事项 sheet's column 来源版本 holding `v3 r5`.
 */
export interface SourceVersion {
  version: number;
  revision: number;
}

export const SOURCE_VERSION_HEADER = '来源版本';

/** `v3 r5`: what the xlsx exporter writes into the 来源版本 column. */
export function formatSourceVersion({ version, revision }: SourceVersion): string {
  return `v${version} r${revision}`;
}

/** Reads `v3 r5` (spaces and case are forgiven: the cell may have been retyped by hand). */
export function parseSourceVersion(text: string): SourceVersion | undefined {
  const match = /^\s*v\s*(\d{1,9})\s*r\s*(\d{1,9})\s*$/i.exec(text);
  return match ? { version: Number(match[1]), revision: Number(match[2]) } : undefined;
}

/** One entry of the JSON export's `revisions` map; anything else counts as not carried. */
export function readSourceVersion(value: unknown): SourceVersion | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { version, revision } = value as Record<string, unknown>;
  const isCount = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;
  return isCount(version) && isCount(revision) ? { version, revision } : undefined;
}
