import { createHash } from 'node:crypto';
import type { Db } from '../../kernel';

/** A cached answer and its strong entity tag (a hash of its JSON). */
export interface Cached<T> {
  value: T;
  etag: string;
}

/**
 * Published answers kept in memory: the version in force of a code, its guide and guide page, a
 * published version, a public search page. An entry belongs to one day (`today` of the injected
 * clock: a scheduled version takes effect at midnight without any write) and to one catalog stamp
 * (migration 012: bumped in every transaction that changes a matter, a version or a department).
 * The stamp is read again after a write through this process (`invalidate`) and otherwise at most
 * every `revalidateMs`, which bounds how long another process's write can go unseen (ADR 014).
 */
export interface PublicReadCache {
  get<T>(key: string, today: string, load: () => Promise<T>): Promise<Cached<T>>;
  /** A write committed through this process: read the stamp before the next answer. */
  invalidate(): void;
}

export interface PublicReadCacheOptions {
  db: Db;
  /** How stale another process's write may be seen, at most. */
  revalidateMs?: number;
  /** Entries kept before the oldest go (a search per query string, three entries per matter). */
  maxEntries?: number;
  /** Monotonic milliseconds (not the time of day: only intervals are measured). */
  monotonicMs?: () => number;
}

export const DEFAULT_REVALIDATE_MS = 1000;

const etagOf = (value: unknown) =>
  `"${createHash('sha256')
    .update(JSON.stringify(value) ?? '')
    .digest('base64url')
    .slice(0, 32)}"`;

export function createPublicReadCache({
  db,
  revalidateMs = DEFAULT_REVALIDATE_MS,
  maxEntries = 50_000,
  monotonicMs = () => performance.now(),
}: PublicReadCacheOptions): PublicReadCache {
  const entries = new Map<string, Cached<unknown>>();
  let stamp: string | undefined;
  let day: string | undefined;
  let checkedAt = Number.NEGATIVE_INFINITY;
  // Bumped whenever entries are dropped: a load that began before cannot store what it read.
  let generation = 0;
  let pending: Promise<void> | undefined;

  const drop = () => {
    entries.clear();
    generation += 1;
  };

  async function readStamp(): Promise<void> {
    const startedAt = monotonicMs();
    const result = await db.query<{ value: string }>('SELECT value::text AS value FROM catalog_stamp');
    const current = result.rows[0]?.value;
    if (current !== stamp) {
      stamp = current;
      drop();
    }
    checkedAt = startedAt;
  }

  async function revalidate(): Promise<void> {
    if (monotonicMs() - checkedAt < revalidateMs) return;
    pending ??= readStamp().finally(() => (pending = undefined));
    await pending;
  }

  return {
    async get<T>(key: string, today: string, load: () => Promise<T>): Promise<Cached<T>> {
      await revalidate();
      if (today !== day) {
        day = today;
        drop();
      }
      const found = entries.get(key) as Cached<T> | undefined;
      if (found) return found;
      const startedIn = generation;
      const value = await load();
      const cached = { value, etag: etagOf(value) };
      if (startedIn === generation) {
        if (entries.size >= maxEntries) {
          const oldest = entries.keys().next();
          if (!oldest.done) entries.delete(oldest.value);
        }
        entries.set(key, cached);
      }
      return cached;
    },
    invalidate() {
      checkedAt = Number.NEGATIVE_INFINITY;
      drop();
    },
  };
}
