/**
 * Caps on import files. A county keeps a few hundred matters and a large city several thousand
 * per department-level export, so 5,000 matters per file leaves room without letting one request
 * exhaust memory.
 */
export const IMPORT_LIMITS = {
  maxMatters: 5_000,
  /** Raw upload (JSON text or xlsx bytes). */
  maxFileBytes: 30 * 1024 * 1024,
  /** xlsx: sum of the zip entries' uncompressed sizes (a zip bomb stops here, before parsing). */
  maxUncompressedBytes: 200 * 1024 * 1024,
  maxZipEntries: 1_000,
  /** xlsx: rows × header columns over all sheets. */
  maxCells: 3_000_000,
} as const;

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
