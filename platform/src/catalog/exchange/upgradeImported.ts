import { CURRENT_META_SCHEMA_VERSION, migrateDocument } from '@matterflow/schemas';
import { isPlainObject } from './documentPaths';

/** What an import migrated: how many of its matters, from which meta-schema versions, to which. */
export interface ImportMigration {
  count: number;
  fromVersions: number[];
  toVersion: number;
}

/**
 * Documents written against an older meta-schema (a version 1 export, JSON or xlsx) are migrated
 * the way stored documents are (schemas/src/documentMigrations.ts) before they are checked, so an
 * old file imports as it did and the clerk is told how many matters were upgraded. A version this
 * server cannot read is left as it came, for the meta-schema to report at /metaSchemaVersion.
 */
export function upgradeImported(documents: readonly unknown[]): { documents: unknown[]; migrated: ImportMigration } {
  const fromVersions = new Set<number>();
  let count = 0;
  const upgraded = documents.map((document) => {
    if (!isPlainObject(document)) return document;
    const version = document.metaSchemaVersion;
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1 || version >= CURRENT_META_SCHEMA_VERSION)
      return document;
    count += 1;
    fromVersions.add(version);
    return migrateDocument(document);
  });
  return {
    documents: upgraded,
    migrated: { count, fromVersions: [...fromVersions].sort((a, b) => a - b), toVersion: CURRENT_META_SCHEMA_VERSION },
  };
}

export const NO_MIGRATION: ImportMigration = { count: 0, fromVersions: [], toVersion: CURRENT_META_SCHEMA_VERSION };
