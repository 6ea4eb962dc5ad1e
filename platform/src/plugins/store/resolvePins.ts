import type { Queryable } from '../../kernel';

export interface PinRequest {
  id: string;
  major: number;
  /** An exact version (an open case's): served whatever is enabled now, unless it never passed the check. */
  exact?: string | undefined;
}

export interface ResolvedPin {
  pluginId: string;
  /** null: no such plugin. */
  departmentCode: string | null;
  /** null: nothing of the pin's major is enabled (or the exact version is unusable). */
  version: string | null;
  httpOrigins: string[];
  lookupTables: string[];
  /** Each granted table's revision, so cached rows are reused until it changes. */
  tableStamps: Record<string, number>;
  /** Hooks any version of the pin's major declares: whether an unresolved pin concerns this hook. */
  majorHooks: string[];
}

/**
 * Which version serves each pin, with the plugin's department, grants and table stamps: one query
 * per call, so a version enabled by any process serves from the next call on, everywhere.
 */
export async function resolvePins(q: Queryable, pins: readonly PinRequest[]): Promise<ResolvedPin[]> {
  const result = await q.query<{
    id: string;
    department_code: string | null;
    version: string | null;
    http_origins: string[];
    lookup_tables: string[];
    table_stamps: Record<string, number> | null;
    major_hooks: string[] | null;
  }>(
    `SELECT pin.id, p.department_code, v.version,
            COALESCE(g.http_origins, '{}') AS http_origins, COALESCE(g.lookup_tables, '{}') AS lookup_tables,
            (SELECT jsonb_object_agg(t.name, t.revision) FROM plugin_tables t WHERE t.name = ANY(g.lookup_tables)) AS table_stamps,
            (SELECT array_agg(DISTINCT h) FROM plugin_versions m,
                    jsonb_object_keys(CASE WHEN jsonb_typeof(m.manifest->'hooks') = 'object' THEN m.manifest->'hooks' ELSE '{}'::jsonb END) AS h
              WHERE m.plugin_id = pin.id AND m.major = pin.major) AS major_hooks
       FROM unnest($1::text[], $2::int[], $3::text[]) WITH ORDINALITY AS pin(id, major, exact, n)
       LEFT JOIN plugins p ON p.id = pin.id
       LEFT JOIN plugin_versions v ON v.plugin_id = pin.id AND CASE
            WHEN pin.exact IS NULL THEN v.state = 'enabled' AND v.major = pin.major
            ELSE v.version = pin.exact AND v.state <> 'draft' END
       LEFT JOIN plugin_grants g ON g.plugin_id = pin.id
      ORDER BY pin.n`,
    [pins.map((pin) => pin.id), pins.map((pin) => pin.major), pins.map((pin) => pin.exact ?? null)],
  );
  return result.rows.map((row) => ({
    pluginId: row.id,
    departmentCode: row.department_code,
    version: row.version,
    httpOrigins: row.http_origins,
    lookupTables: row.lookup_tables,
    tableStamps: row.table_stamps ?? {},
    majorHooks: row.major_hooks ?? [],
  }));
}

/** A version's immutable parts, loaded once per process and version. */
export async function loadArtifact(
  q: Queryable,
  pluginId: string,
  version: string,
): Promise<{ compiled: string; manifest: Record<string, unknown> } | undefined> {
  const result = await q.query<{ compiled: string | null; manifest: Record<string, unknown> }>(
    'SELECT compiled, manifest FROM plugin_versions WHERE plugin_id = $1 AND version = $2',
    [pluginId, version],
  );
  const row = result.rows[0];
  return row?.compiled ? { compiled: row.compiled, manifest: row.manifest } : undefined;
}

export async function loadTableRows(q: Queryable, names: readonly string[]): Promise<Map<string, Record<string, unknown>>> {
  if (names.length === 0) return new Map();
  const result = await q.query<{ name: string; rows: Record<string, unknown> }>(
    'SELECT name, rows FROM plugin_tables WHERE name = ANY($1::text[])',
    [names],
  );
  return new Map(result.rows.map((row) => [row.name, row.rows]));
}
