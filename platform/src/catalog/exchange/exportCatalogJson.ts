import { toNationalRecord, type NationalRecord } from './nationalMapping';

export interface CatalogExport {
  format: 'matterflow-catalog';
  version: 1;
  exportedAt: string;
  matters: unknown[];
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
