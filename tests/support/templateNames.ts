/**
 * The prepared databases, each built on the one before: `migrated` (schema only), `demo` (what a
 * test server's start-up adds: departments and demo accounts), `catalog` (plus the seed catalog).
 */
export const TEMPLATES = ['migrated', 'demo', 'catalog'] as const;
export type Template = (typeof TEMPLATES)[number];

declare module 'vitest' {
  export interface ProvidedContext {
    /** Data-directory tarballs, one file per template (PGlite runs). */
    pgliteImages: Record<Template, string>;
    /** Template database names (PostgreSQL runs). */
    postgresTemplates: Record<Template, string>;
  }
}
