import { CURRENT_META_SCHEMA_VERSION } from './metaSchemas';

/**
 * Stored matter documents are migrated like SQL: each entry upgrades a document written against
 * meta-schema version `from` to `from + 1`. Add one entry, and bump CURRENT_META_SCHEMA_VERSION,
 * for every incompatible change to schemas/matter.schema.json; never edit an old entry.
 */
export interface DocumentMigration {
  from: number;
  describe: string;
  up(document: Record<string, unknown>): Record<string, unknown>;
}

export const documentMigrations: readonly DocumentMigration[] = [];

export class DocumentMigrationError extends Error {}

/** Upgrades a document to the current meta-schema version, or throws naming the version it cannot read. */
export function migrateDocument(
  document: Record<string, unknown>,
  {
    migrations = documentMigrations,
    currentVersion = CURRENT_META_SCHEMA_VERSION,
  }: { migrations?: readonly DocumentMigration[]; currentVersion?: number } = {},
): Record<string, unknown> {
  let version = document.metaSchemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new DocumentMigrationError(`metaSchemaVersion ${JSON.stringify(version)} is not a version this server knows`);
  }
  if (version > currentVersion) {
    throw new DocumentMigrationError(
      `written against meta-schema ${version}, newer than this server's ${currentVersion}: upgrade the server`,
    );
  }
  let migrated = document;
  while (version < currentVersion) {
    const step = migrations.find((entry) => entry.from === version);
    if (!step) throw new DocumentMigrationError(`no migration from meta-schema ${version}`);
    migrated = { ...step.up(migrated), metaSchemaVersion: version + 1 };
    version += 1;
  }
  return migrated;
}
