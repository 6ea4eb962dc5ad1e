import { timeSlicer, yieldToEventLoop, type MatterPages } from './MatterPages';
import { toNationalRecord, type NationalRecord } from './nationalMapping';
import type { SourceVersion } from './sourceVersion';

export interface CatalogExport {
  format: 'matterflow-catalog';
  version: 1;
  exportedAt: string;
  matters: unknown[];
  /** The version and revision each matter was read from (streamed exports from the database). */
  revisions?: Record<string, SourceVersion>;
}

export interface NationalExport {
  format: 'national-exchange';
  version: 1;
  exportedAt: string;
  records: NationalRecord[];
}

export interface ExportableMatter {
  document: unknown;
  version?: number;
  status?: string;
}

/** The catalog as our own JSON format, or as national exchange records when `isNational`. */
export function exportCatalogJson({
  matters,
  exportedAt,
  isNational = false,
}: {
  matters: readonly ExportableMatter[];
  exportedAt: Date;
  isNational?: boolean;
}): CatalogExport | NationalExport {
  const at = exportedAt.toISOString();
  if (isNational) {
    return {
      format: 'national-exchange',
      version: 1,
      exportedAt: at,
      records: matters.map((matter) => toNationalRecord(matter)),
    };
  }
  return { format: 'matterflow-catalog', version: 1, exportedAt: at, matters: matters.map((matter) => matter.document) };
}

/**
 * The same file as exportCatalogJson, as text slices: the envelope, then one slice per page of
 * documents, with a turn of the event loop between pages so other requests are not held up.
 * Our format ends with `revisions` (code → version and revision read), for a conflict-safe re-import.
 */
export async function* streamCatalogJson({
  pages,
  exportedAt,
  isNational = false,
}: {
  pages: MatterPages;
  exportedAt: Date;
  isNational?: boolean;
}): AsyncGenerator<string> {
  const at = JSON.stringify(exportedAt.toISOString());
  yield isNational
    ? `{"format":"national-exchange","version":1,"exportedAt":${at},"records":[`
    : `{"format":"matterflow-catalog","version":1,"exportedAt":${at},"matters":[`;
  const revisions: Record<string, SourceVersion> = {};
  let separator = '';
  const pause = timeSlicer();
  for await (const page of pages([[]])) {
    const slice: string[] = [];
    for (const matter of page) {
      await pause();
      const document = matter.values[0];
      const item = isNational ? toNationalRecord({ document, version: matter.version, status: matter.status }) : document;
      slice.push(JSON.stringify(item));
      if (matter.version !== undefined && matter.revision !== undefined) {
        revisions[matter.code] = { version: matter.version, revision: matter.revision };
      }
    }
    if (slice.length > 0) {
      yield separator + slice.join(',');
      separator = ',';
    }
    await yieldToEventLoop();
  }
  yield isNational ? ']}' : `],"revisions":${JSON.stringify(revisions)}}`;
}
