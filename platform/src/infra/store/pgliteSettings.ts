import { PGlite } from '@electric-sql/pglite';

/**
 * PostgreSQL settings for the embedded database, chosen for memory (docs/adr/ for the
 * measurements). PGlite's WebAssembly memory only grows, so every buffer PostgreSQL touches
 * stays resident: its defaults (shared_buffers 128 MB) suit a database server, not a process
 * that also serves HTTP. The catalog's hot set (10,000 versions' search columns and indexes) fits
 * in 16 MB; jsonb documents are read per request, and the OS page cache holds the files anyway.
 */
export const PGLITE_SETTINGS: Readonly<Record<string, string>> = {
  shared_buffers: '16MB',
  // Migrations build indexes and ANALYZE samples rows; 16 MB is plenty for tables this size.
  maintenance_work_mem: '16MB',
  temp_buffers: '2MB',
  wal_buffers: '1MB',
  work_mem: '4MB',
};

/** PGlite's own start parameters (single-user mode, no workers) plus ours; passing any replaces its list. */
export function pgliteStartParams(): string[] {
  const defaults = (PGlite as unknown as { defaultStartParams?: string[] }).defaultStartParams ?? [];
  return [...defaults, ...Object.entries(PGLITE_SETTINGS).flatMap(([name, value]) => ['-c', `${name}=${value}`])];
}

/** Statistics are refreshed this often on PGlite when rows were written (no autovacuum there). */
export const PGLITE_ANALYZE_INTERVAL_MS = 10 * 60 * 1000;
