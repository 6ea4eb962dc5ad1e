import type { Queryable } from '../../kernel';
import type { PluginCheckResult } from '../check/PluginCheckResult';

/** The check's result as a version keeps it (its compiled code is a column of its own). */
export type StoredCheck = Omit<PluginCheckResult, 'compiled'>;

export const VERSION_STATES = ['draft', 'checked', 'enabled', 'disabled'] as const;
export type VersionState = (typeof VERSION_STATES)[number];

export interface StoredPlugin {
  id: string;
  departmentCode: string;
  description: string;
  createdAt: string;
  createdBy: string;
}

/** A version's row without its source files and compiled code (the lists). */
export interface StoredVersionHeader {
  pluginId: string;
  version: string;
  major: number;
  manifest: Record<string, unknown>;
  state: VersionState;
  check: StoredCheck;
  uploadedAt: string;
  uploadedBy: string;
  enabledAt: string | null;
  enabledBy: string | null;
  disabledAt: string | null;
  disabledBy: string | null;
}

export interface StoredVersion extends StoredVersionHeader {
  files: Record<string, string>;
}

export interface StoredGrants {
  httpOrigins: string[];
  lookupTables: string[];
  grantedAt: string | null;
  grantedBy: string | null;
}

export const NO_STORED_GRANTS: StoredGrants = { httpOrigins: [], lookupTables: [], grantedAt: null, grantedBy: null };

const iso = (value: unknown): string | null =>
  value === null || value === undefined ? null : new Date(value as string).toISOString();

const PLUGIN_COLUMNS = 'id, department_code, description, created_at, created_by';
const HEADER_COLUMNS = `plugin_id, version, major, manifest, state, "check", uploaded_at, uploaded_by,
  enabled_at, enabled_by, disabled_at, disabled_by`;

interface PluginRow {
  id: string;
  department_code: string;
  description: string;
  created_at: Date;
  created_by: string;
}

interface HeaderRow {
  plugin_id: string;
  version: string;
  major: number;
  manifest: Record<string, unknown>;
  state: VersionState;
  check: StoredCheck;
  uploaded_at: Date;
  uploaded_by: string;
  enabled_at: Date | null;
  enabled_by: string | null;
  disabled_at: Date | null;
  disabled_by: string | null;
}

const pluginOf = (row: PluginRow): StoredPlugin => ({
  id: row.id,
  departmentCode: row.department_code,
  description: row.description,
  createdAt: iso(row.created_at) as string,
  createdBy: row.created_by,
});

const headerOf = (row: HeaderRow): StoredVersionHeader => ({
  pluginId: row.plugin_id,
  version: row.version,
  major: Number(row.major),
  manifest: row.manifest,
  state: row.state,
  check: row.check,
  uploadedAt: iso(row.uploaded_at) as string,
  uploadedBy: row.uploaded_by,
  enabledAt: iso(row.enabled_at),
  enabledBy: row.enabled_by,
  disabledAt: iso(row.disabled_at),
  disabledBy: row.disabled_by,
});

export async function findPlugin(q: Queryable, id: string, { isForUpdate = false } = {}): Promise<StoredPlugin | undefined> {
  const result = await q.query<PluginRow>(
    `SELECT ${PLUGIN_COLUMNS} FROM plugins WHERE id = $1${isForUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return result.rows[0] && pluginOf(result.rows[0]);
}

/** Every plugin, or one department's. */
export async function listStoredPlugins(q: Queryable, { departmentCode }: { departmentCode?: string }): Promise<StoredPlugin[]> {
  const result = await q.query<PluginRow>(
    `SELECT ${PLUGIN_COLUMNS} FROM plugins WHERE $1::text IS NULL OR department_code = $1 ORDER BY id`,
    [departmentCode ?? null],
  );
  return result.rows.map(pluginOf);
}

export async function insertPlugin(q: Queryable, plugin: StoredPlugin): Promise<void> {
  await q.query(`INSERT INTO plugins (id, department_code, description, created_at, created_by) VALUES ($1, $2, $3, $4, $5)`, [
    plugin.id,
    plugin.departmentCode,
    plugin.description,
    plugin.createdAt,
    plugin.createdBy,
  ]);
}

export async function updatePluginDescription(q: Queryable, id: string, description: string): Promise<void> {
  await q.query('UPDATE plugins SET description = $2 WHERE id = $1', [id, description]);
}

/** Versions of the given plugins, newest upload first. */
export async function listVersionHeaders(q: Queryable, pluginIds: readonly string[]): Promise<StoredVersionHeader[]> {
  const result = await q.query<HeaderRow>(
    `SELECT ${HEADER_COLUMNS} FROM plugin_versions WHERE plugin_id = ANY($1::text[]) ORDER BY plugin_id, uploaded_at DESC, version DESC`,
    [pluginIds],
  );
  return result.rows.map(headerOf);
}

export async function findVersion(
  q: Queryable,
  pluginId: string,
  version: string,
  { isForUpdate = false } = {},
): Promise<StoredVersion | undefined> {
  const result = await q.query<HeaderRow & { files: Record<string, string> }>(
    `SELECT ${HEADER_COLUMNS}, files FROM plugin_versions WHERE plugin_id = $1 AND version = $2${isForUpdate ? ' FOR UPDATE' : ''}`,
    [pluginId, version],
  );
  const row = result.rows[0];
  return row && { ...headerOf(row), files: row.files };
}

export async function insertVersion(
  q: Queryable,
  version: Omit<StoredVersion, 'enabledAt' | 'enabledBy' | 'disabledAt' | 'disabledBy'> & { compiled: string | null },
): Promise<void> {
  await q.query(
    `INSERT INTO plugin_versions (plugin_id, version, major, manifest, files, compiled, state, "check", uploaded_at, uploaded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      version.pluginId,
      version.version,
      version.major,
      JSON.stringify(version.manifest),
      JSON.stringify(version.files),
      version.compiled,
      version.state,
      JSON.stringify(version.check),
      version.uploadedAt,
      version.uploadedBy,
    ],
  );
}

/** The enabled version of a plugin (locked, for a transition), if any. */
export async function findEnabledVersion(q: Queryable, pluginId: string): Promise<string | undefined> {
  const result = await q.query<{ version: string }>(
    `SELECT version FROM plugin_versions WHERE plugin_id = $1 AND state = 'enabled' FOR UPDATE`,
    [pluginId],
  );
  return result.rows[0]?.version;
}

export async function setVersionState(
  q: Queryable,
  {
    pluginId,
    version,
    state,
    at,
    by,
  }: { pluginId: string; version: string; state: 'enabled' | 'disabled'; at: string; by: string },
): Promise<void> {
  const column = state === 'enabled' ? 'enabled' : 'disabled';
  await q.query(
    `UPDATE plugin_versions SET state = $3, ${column}_at = $4, ${column}_by = $5 WHERE plugin_id = $1 AND version = $2`,
    [pluginId, version, state, at, by],
  );
}

interface GrantsRow {
  plugin_id: string;
  http_origins: string[];
  lookup_tables: string[];
  granted_at: Date;
  granted_by: string;
}

const grantsOf = (row: GrantsRow | undefined): StoredGrants =>
  row
    ? {
        httpOrigins: row.http_origins,
        lookupTables: row.lookup_tables,
        grantedAt: iso(row.granted_at),
        grantedBy: row.granted_by,
      }
    : NO_STORED_GRANTS;

export async function findGrants(q: Queryable, pluginId: string): Promise<StoredGrants> {
  const result = await q.query<GrantsRow>('SELECT * FROM plugin_grants WHERE plugin_id = $1', [pluginId]);
  return grantsOf(result.rows[0]);
}

export async function upsertGrants(
  q: Queryable,
  pluginId: string,
  grants: StoredGrants & { grantedAt: string; grantedBy: string },
): Promise<void> {
  await q.query(
    `INSERT INTO plugin_grants (plugin_id, http_origins, lookup_tables, granted_at, granted_by) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (plugin_id) DO UPDATE SET http_origins = EXCLUDED.http_origins, lookup_tables = EXCLUDED.lookup_tables,
       granted_at = EXCLUDED.granted_at, granted_by = EXCLUDED.granted_by`,
    [pluginId, grants.httpOrigins, grants.lookupTables, grants.grantedAt, grants.grantedBy],
  );
}

export interface StoredTable {
  name: string;
  rows: Record<string, unknown>;
  updatedAt: string;
  updatedBy: string;
}

export async function findTable(q: Queryable, name: string): Promise<StoredTable | undefined> {
  const result = await q.query<{ name: string; rows: Record<string, unknown>; updated_at: Date; updated_by: string }>(
    'SELECT name, rows, updated_at, updated_by FROM plugin_tables WHERE name = $1',
    [name],
  );
  const row = result.rows[0];
  return row && { name: row.name, rows: row.rows, updatedAt: iso(row.updated_at) as string, updatedBy: row.updated_by };
}

export async function existingTableNames(q: Queryable, names: readonly string[]): Promise<Set<string>> {
  const result = await q.query<{ name: string }>('SELECT name FROM plugin_tables WHERE name = ANY($1::text[])', [names]);
  return new Set(result.rows.map((row) => row.name));
}

export async function upsertTable(q: Queryable, table: StoredTable): Promise<void> {
  await q.query(
    `INSERT INTO plugin_tables (name, rows, updated_at, updated_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (name) DO UPDATE SET rows = EXCLUDED.rows, revision = plugin_tables.revision + 1, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
    [table.name, JSON.stringify(table.rows), table.updatedAt, table.updatedBy],
  );
}
