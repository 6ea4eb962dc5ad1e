import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CheckDiagnostic } from './PluginCheckResult';
import type { TypeCheckRequest } from './typeCheckWorker';

export interface TypeCheckLimits {
  timeoutMs: number;
  heapMb: number;
  /** How long the checker stays warm without a check (TYPE_CHECK_IDLE_MS by default). */
  idleMs?: number;
}

/** Loading the compiler takes seconds on a busy machine (20 s seen with two cores shared by many); a plugin's few files take a few more. */
export const DEFAULT_TYPE_CHECK_LIMITS: TypeCheckLimits = { timeoutMs: 60_000, heapMb: 512 };

const workerUrl = new URL('./typeCheckWorker.ts', import.meta.url).href;
// The worker is TypeScript like the rest of the platform: it registers tsx's loader before importing
// itself, so the same file runs under `node --import tsx` and under vitest.
// (Its CommonJS entry registers a wrong loader path from an eval'd worker; the ES module beside it works.)
const tsxApi = pathToFileURL(
  createRequire(import.meta.url)
    .resolve('tsx/esm/api')
    .replace(/\.cjs$/, '.mjs'),
).href;
const BOOT = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(workerUrl)}); })`;

const failure = (code: string, message: string): CheckDiagnostic[] => [{ file: '', line: 0, column: 0, code, message }];

/** A checker left idle this long is stopped: it holds the compiler and the parsed libraries (~150 MB). */
export const TYPE_CHECK_IDLE_MS = 5 * 60 * 1000;

interface Job {
  request: TypeCheckRequest;
  limits: TypeCheckLimits;
  resolve(diagnostics: CheckDiagnostic[]): void;
}

interface Checker {
  worker: Worker;
  heapMb: number;
  job: (Job & { id: number; timer: NodeJS.Timeout }) | null;
  idleTimer: NodeJS.Timeout | null;
}

/** One warm checker per heap limit (the platform uses one; tests set others). */
const checkers = new Map<number, Checker>();
const queues = new Map<number, Job[]>();
let nextId = 1;

/** The thread id of the checker for a heap limit running now, if any (tests see reuse and replacement by it). */
export function typeCheckerThread(heapMb: number): number | undefined {
  return checkers.get(heapMb)?.worker.threadId;
}

function spawn(heapMb: number): Checker {
  const worker = new Worker(BOOT, {
    eval: true,
    resourceLimits: { maxOldGenerationSizeMb: heapMb },
    stdout: true,
    stderr: true,
  });
  const checker: Checker = { worker, heapMb, job: null, idleTimer: null };
  const end = (diagnostics: CheckDiagnostic[]) => {
    // The worker is gone or going: whatever it was doing fails, the next job gets a fresh one.
    if (checkers.get(heapMb) === checker) checkers.delete(heapMb);
    if (checker.idleTimer) clearTimeout(checker.idleTimer);
    const { job } = checker;
    checker.job = null;
    if (job) {
      clearTimeout(job.timer);
      job.resolve(diagnostics);
    }
    pump(heapMb);
  };
  worker.on('message', ({ id, diagnostics }: { id: number; diagnostics: CheckDiagnostic[] }) => {
    const { job } = checker;
    if (!job || job.id !== id) return;
    clearTimeout(job.timer);
    checker.job = null;
    job.resolve(diagnostics);
    pump(heapMb, job.limits.idleMs);
  });
  worker.on('error', (error: Error) =>
    end(
      failure(
        'plugin.typecheck_failed',
        error.message.includes('memory') ? '类型检查超出内存限制，请减少源码规模后重试' : `类型检查未能完成：${error.message}`,
      ),
    ),
  );
  worker.on('exit', () => end(failure('plugin.typecheck_failed', '类型检查未能完成')));
  checkers.set(heapMb, checker);
  return checker;
}

function pump(heapMb: number, idleMs = TYPE_CHECK_IDLE_MS): void {
  const queue = queues.get(heapMb) ?? [];
  const next = queue.shift();
  const current = checkers.get(heapMb);
  if (!next) {
    if (current && !current.job && !current.idleTimer) {
      // Idle: it must not keep the process alive, and it goes after a while.
      current.worker.unref();
      current.idleTimer = setTimeout(() => void current.worker.terminate(), idleMs);
      current.idleTimer.unref();
    }
    return;
  }
  if (current?.job) {
    queue.unshift(next);
    return;
  }
  const checker = current ?? spawn(heapMb);
  if (checker.idleTimer) clearTimeout(checker.idleTimer);
  checker.idleTimer = null;
  checker.worker.ref();
  const id = nextId++;
  const timer = setTimeout(() => {
    // Past its time the worker is terminated, not asked: the compiler may be stuck in the author's types.
    checker.job = null;
    job.resolve(
      failure(
        'plugin.typecheck_timeout',
        `类型检查超过 ${Math.round(next.limits.timeoutMs / 1000)} 秒未完成，请减少源码规模后重试`,
      ),
    );
    if (checkers.get(heapMb) === checker) checkers.delete(heapMb);
    void checker.worker.terminate();
    pump(heapMb);
  }, next.limits.timeoutMs);
  const job = { ...next, id, timer };
  checker.job = job;
  checker.worker.postMessage({ id, request: next.request });
}

/**
 * Type-checks in a worker thread with its own heap limit and a time limit past which the worker is
 * terminated, so one upload never blocks the event loop or takes the server's memory. The worker
 * stays warm between checks (the compiler loaded, the libraries parsed: most of a check's time),
 * one check at a time, and stops after TYPE_CHECK_IDLE_MS without one; a check that times out or
 * runs out of memory takes its worker with it and the next check starts a fresh one.
 */
export function typeCheck(
  request: TypeCheckRequest,
  limits: TypeCheckLimits = DEFAULT_TYPE_CHECK_LIMITS,
): Promise<CheckDiagnostic[]> {
  return new Promise((resolve) => {
    const queue = queues.get(limits.heapMb) ?? [];
    queues.set(limits.heapMb, queue);
    queue.push({ request, limits, resolve });
    pump(limits.heapMb);
  });
}
