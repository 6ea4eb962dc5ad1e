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

/** Wording of a v1 explanation that says the law sets no limit (v1 could only write 0 for it). */
const NO_LIMIT_WORDING = /未(作|做)?(规定|明确)|没有(规定|明确)|无法定(办结)?时限|不设(法定)?时限/;

export const documentMigrations: readonly DocumentMigration[] = [
  {
    from: 1,
    describe: '法定办结时限“未规定”不再记为 0：value 0 且说明称法律未规定的，改为 unspecified',
    up(document) {
      const limits = document.timeLimits;
      if (typeof limits !== 'object' || limits === null || Array.isArray(limits)) return document;
      const statutory = (limits as Record<string, unknown>).statutory;
      if (typeof statutory !== 'object' || statutory === null || Array.isArray(statutory)) return document;
      const { value, unit: _unit, ...rest } = statutory as Record<string, unknown>;
      const explain = typeof rest.explain === 'string' ? rest.explain : '';
      if (value !== 0 || !NO_LIMIT_WORDING.test(explain)) return document;
      return { ...document, timeLimits: { ...limits, statutory: { unspecified: true, ...rest } } };
    },
  },
];

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
