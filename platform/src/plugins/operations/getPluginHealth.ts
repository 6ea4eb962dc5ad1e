import type { HookName } from '@matterflow/schemas';
import { readerOf, type Call, type Db } from '../../kernel';
import { addHistograms, emptyHistogram, percentileMs } from '../host/latencyHistogram';
import { readFailures, readUsage, type FailureRow } from '../store/usageStore';
import { loadManagedVersion } from './pluginAccess';

export interface HookHealth {
  hook: HookName;
  calls: number;
  failures: number;
  totalMs: number;
  p50Ms: number | null;
  p95Ms: number | null;
}

export interface VersionHealth {
  id: string;
  version: string;
  calls: number;
  failures: number;
  p50Ms: number | null;
  p95Ms: number | null;
  hooks: HookHealth[];
  lastErrors: FailureRow[];
}

/**
 * GET …/versions/{version}/health: what every process flushed for this version (counts lag by at
 * most one flush interval) and its last failures, newest first.
 */
export async function getPluginHealth(
  deps: { db: Db },
  call: Call,
  input: { id: string; version: string },
): Promise<VersionHealth> {
  const q = readerOf(deps.db, call);
  await loadManagedVersion(q, call, input);
  const [usage, lastErrors] = await Promise.all([
    readUsage(q, input.id, input.version),
    readFailures(q, input.id, input.version),
  ]);
  const all = usage.reduce((sum, row) => addHistograms(sum, row.histogram), emptyHistogram());
  return {
    id: input.id,
    version: input.version,
    calls: usage.reduce((sum, row) => sum + row.calls, 0),
    failures: usage.reduce((sum, row) => sum + row.failures, 0),
    p50Ms: percentileMs(all, 50),
    p95Ms: percentileMs(all, 95),
    hooks: usage.map((row) => ({
      hook: row.hook,
      calls: row.calls,
      failures: row.failures,
      totalMs: Math.round(row.totalMs * 10) / 10,
      p50Ms: percentileMs(row.histogram, 50),
      p95Ms: percentileMs(row.histogram, 95),
    })),
    lastErrors,
  };
}
