/**
 * Call latencies as counts per bucket: what every process adds to `plugin_usage` with one
 * statement per flush, and enough to answer p50 / p95 without keeping each call's time. The
 * bounds are upper bounds in milliseconds; the last bucket holds everything slower.
 */
export const LATENCY_BOUNDS_MS = [0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000] as const;
export const BUCKET_COUNT = LATENCY_BOUNDS_MS.length + 1;

export function emptyHistogram(): number[] {
  return new Array<number>(BUCKET_COUNT).fill(0);
}

export function bucketOf(ms: number): number {
  const index = LATENCY_BOUNDS_MS.findIndex((bound) => ms <= bound);
  return index < 0 ? LATENCY_BOUNDS_MS.length : index;
}

/**
 * The upper bound of the bucket the p-th percentile falls in (null without calls). The slowest
 * bucket has no bound: it answers the last one, the most that can be said.
 */
export function percentileMs(histogram: readonly number[], p: number): number | null {
  const total = histogram.reduce((sum, count) => sum + count, 0);
  if (total === 0) return null;
  const rank = Math.ceil((p / 100) * total);
  let seen = 0;
  for (let index = 0; index < histogram.length; index += 1) {
    seen += histogram[index] ?? 0;
    if (seen >= rank) return LATENCY_BOUNDS_MS[Math.min(index, LATENCY_BOUNDS_MS.length - 1)] ?? null;
  }
  return LATENCY_BOUNDS_MS[LATENCY_BOUNDS_MS.length - 1] ?? null;
}

export function addHistograms(a: readonly number[], b: readonly number[]): number[] {
  return Array.from({ length: BUCKET_COUNT }, (_, index) => Number(a[index] ?? 0) + Number(b[index] ?? 0));
}
