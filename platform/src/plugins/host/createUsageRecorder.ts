import type { HookName, PluginFailureKind } from '@matterflow/schemas';
import type { Clock, Db } from '../../kernel';
import type { Logger } from 'pino';
import { addFailures, addUsage, type FailureRecord, type UsageDelta } from '../store/usageStore';
import { bucketOf, emptyHistogram } from './latencyHistogram';

export interface CallRecord {
  pluginId: string;
  version: string;
  hook: HookName;
  ms: number;
  failure?: { kind: PluginFailureKind; message: string; caseNumber: string | null };
}

export interface UsageRecorder {
  record(call: CallRecord): void;
  /** Writes what was counted since the last flush (one transaction, two statements). */
  flush(): Promise<void>;
}

/**
 * Counts calls in memory and adds them to the database in batches: a write per call would put the
 * database on every plugin call's path. What a crash loses is at most one interval's counts.
 */
export function createUsageRecorder(deps: { db: Db; clock: Clock; logger: Logger }): UsageRecorder {
  let deltas = new Map<string, UsageDelta>();
  let failures: FailureRecord[] = [];
  let flushing: Promise<void> = Promise.resolve();

  async function write(batch: UsageDelta[], failed: FailureRecord[]): Promise<void> {
    if (batch.length === 0 && failed.length === 0) return;
    try {
      await deps.db.transaction(async (tx) => {
        await addUsage(tx, batch);
        await addFailures(tx, failed);
      });
    } catch (error) {
      // Health is an aid, not a record the law asks for: a failed write is logged, never retried forever.
      deps.logger.warn(
        { err: error, usage: batch.length, failures: failed.length },
        '插件调用统计写入失败 / plugin usage flush failed',
      );
    }
  }

  return {
    record({ pluginId, version, hook, ms, failure }) {
      const key = `${pluginId}@${version}#${hook}`;
      let delta = deltas.get(key);
      if (!delta)
        deltas.set(key, (delta = { pluginId, version, hook, calls: 0, failures: 0, totalMs: 0, histogram: emptyHistogram() }));
      delta.calls += 1;
      delta.totalMs += ms;
      const bucket = bucketOf(ms);
      delta.histogram[bucket] = (delta.histogram[bucket] ?? 0) + 1;
      if (failure) {
        delta.failures += 1;
        failures.push({ pluginId, version, hook, at: deps.clock.now(), ...failure });
        // A storm of failures between two flushes: the oldest beyond what is kept are dropped here.
        if (failures.length > 1000) failures = failures.slice(-1000);
      }
    },
    flush() {
      flushing = flushing.then(() => {
        const batch = [...deltas.values()];
        const failed = failures;
        deltas = new Map();
        failures = [];
        return write(batch, failed);
      });
      return flushing;
    },
  };
}
