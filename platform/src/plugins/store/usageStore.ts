import type { HookName, PluginFailureKind } from '@matterflow/schemas';
import type { Queryable } from '../../kernel';

/** How many failures each version keeps (older ones are deleted at each flush). */
export const FAILURES_KEPT = 100;

export interface UsageDelta {
  pluginId: string;
  version: string;
  hook: HookName;
  calls: number;
  failures: number;
  totalMs: number;
  histogram: number[];
}

export interface FailureRecord {
  pluginId: string;
  version: string;
  at: Date;
  hook: HookName;
  kind: PluginFailureKind;
  message: string;
  caseNumber: string | null;
}

/** Adds one process's counts since its last flush: one statement for all versions and hooks. */
export async function addUsage(q: Queryable, deltas: readonly UsageDelta[]): Promise<void> {
  if (deltas.length === 0) return;
  await q.query(
    `INSERT INTO plugin_usage (plugin_id, version, hook, calls, failures, total_ms, histogram)
     SELECT d.plugin_id, d.version, d.hook, d.calls, d.failures, d.total_ms,
            ARRAY(SELECT jsonb_array_elements_text(d.histogram)::bigint)
       FROM jsonb_to_recordset($1::jsonb) AS d(plugin_id text, version text, hook text, calls bigint, failures bigint,
                                              total_ms double precision, histogram jsonb)
     ON CONFLICT (plugin_id, version, hook) DO UPDATE SET
       calls = plugin_usage.calls + EXCLUDED.calls,
       failures = plugin_usage.failures + EXCLUDED.failures,
       total_ms = plugin_usage.total_ms + EXCLUDED.total_ms,
       histogram = ARRAY(SELECT COALESCE(a, 0) + COALESCE(b, 0)
                           FROM unnest(plugin_usage.histogram, EXCLUDED.histogram) AS t(a, b))`,
    [
      JSON.stringify(
        deltas.map((d) => ({
          plugin_id: d.pluginId,
          version: d.version,
          hook: d.hook,
          calls: d.calls,
          failures: d.failures,
          total_ms: d.totalMs,
          histogram: d.histogram,
        })),
      ),
    ],
  );
}

/** Appends failures and trims each version they touch to its last FAILURES_KEPT. */
export async function addFailures(q: Queryable, failures: readonly FailureRecord[]): Promise<void> {
  if (failures.length === 0) return;
  await q.query(
    `INSERT INTO plugin_failures (plugin_id, version, at, hook, kind, message, case_number)
     SELECT f.plugin_id, f.version, f.at, f.hook, f.kind, f.message, f.case_number
       FROM jsonb_to_recordset($1::jsonb) AS f(plugin_id text, version text, at timestamptz, hook text, kind text,
                                              message text, case_number text)`,
    [
      JSON.stringify(
        failures.map((f) => ({
          plugin_id: f.pluginId,
          version: f.version,
          at: f.at.toISOString(),
          hook: f.hook,
          kind: f.kind,
          message: f.message,
          case_number: f.caseNumber,
        })),
      ),
    ],
  );
  const touched = [...new Map(failures.map((f) => [`${f.pluginId}@${f.version}`, f])).values()];
  await q.query(
    `DELETE FROM plugin_failures f USING (
       SELECT id FROM (
         SELECT id, row_number() OVER (PARTITION BY plugin_id, version ORDER BY id DESC) AS n
           FROM plugin_failures
          WHERE (plugin_id, version) IN (SELECT * FROM unnest($1::text[], $2::text[]))
       ) ranked WHERE n > $3
     ) old WHERE f.id = old.id`,
    [touched.map((f) => f.pluginId), touched.map((f) => f.version), FAILURES_KEPT],
  );
}

export interface UsageRow {
  hook: HookName;
  calls: number;
  failures: number;
  totalMs: number;
  histogram: number[];
}

export async function readUsage(q: Queryable, pluginId: string, version: string): Promise<UsageRow[]> {
  const result = await q.query<{ hook: HookName; calls: string; failures: string; total_ms: number; histogram: string[] }>(
    'SELECT hook, calls, failures, total_ms, histogram FROM plugin_usage WHERE plugin_id = $1 AND version = $2 ORDER BY hook',
    [pluginId, version],
  );
  return result.rows.map((row) => ({
    hook: row.hook,
    calls: Number(row.calls),
    failures: Number(row.failures),
    totalMs: Number(row.total_ms),
    histogram: row.histogram.map(Number),
  }));
}

/** Calls and failures of each plugin over all its versions. */
export async function readUsageTotals(
  q: Queryable,
  pluginIds: readonly string[],
): Promise<Map<string, { calls: number; failures: number }>> {
  const result = await q.query<{ plugin_id: string; calls: string; failures: string }>(
    `SELECT plugin_id, sum(calls) AS calls, sum(failures) AS failures FROM plugin_usage
      WHERE plugin_id = ANY($1::text[]) GROUP BY plugin_id`,
    [pluginIds],
  );
  return new Map(result.rows.map((row) => [row.plugin_id, { calls: Number(row.calls), failures: Number(row.failures) }]));
}

export interface FailureRow {
  at: string;
  hook: HookName;
  kind: PluginFailureKind;
  message: string;
  caseNumber: string | null;
}

export async function readFailures(q: Queryable, pluginId: string, version: string): Promise<FailureRow[]> {
  const result = await q.query<{
    at: Date;
    hook: HookName;
    kind: PluginFailureKind;
    message: string;
    case_number: string | null;
  }>(
    `SELECT at, hook, kind, message, case_number FROM plugin_failures
      WHERE plugin_id = $1 AND version = $2 ORDER BY id DESC LIMIT $3`,
    [pluginId, version, FAILURES_KEPT],
  );
  return result.rows.map((row) => ({
    at: new Date(row.at).toISOString(),
    hook: row.hook,
    kind: row.kind,
    message: row.message,
    caseNumber: row.case_number,
  }));
}
