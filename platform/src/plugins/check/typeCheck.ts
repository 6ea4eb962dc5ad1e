import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CheckDiagnostic } from './PluginCheckResult';
import type { TypeCheckRequest } from './typeCheckWorker';

export interface TypeCheckLimits {
  timeoutMs: number;
  heapMb: number;
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

/**
 * Type-checks in a worker thread with its own heap limit and a time limit past which the worker is
 * terminated, so one upload never blocks the event loop or takes the server's memory.
 */
export function typeCheck(
  request: TypeCheckRequest,
  limits: TypeCheckLimits = DEFAULT_TYPE_CHECK_LIMITS,
): Promise<CheckDiagnostic[]> {
  return new Promise((resolve) => {
    const worker = new Worker(BOOT, {
      eval: true,
      workerData: request,
      resourceLimits: { maxOldGenerationSizeMb: limits.heapMb },
      stdout: true,
      stderr: true,
    });
    let settled = false;
    const settle = (diagnostics: CheckDiagnostic[]) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(diagnostics);
    };
    const timer = setTimeout(
      () =>
        settle(
          failure(
            'plugin.typecheck_timeout',
            `类型检查超过 ${Math.round(limits.timeoutMs / 1000)} 秒未完成，请减少源码规模后重试`,
          ),
        ),
      limits.timeoutMs,
    );
    worker.on('message', (diagnostics: CheckDiagnostic[]) => settle(diagnostics));
    worker.on('error', (error: Error) =>
      settle(
        failure(
          'plugin.typecheck_failed',
          error.message.includes('memory') ? '类型检查超出内存限制，请减少源码规模后重试' : `类型检查未能完成：${error.message}`,
        ),
      ),
    );
    worker.on('exit', () => settle(failure('plugin.typecheck_failed', '类型检查未能完成')));
  });
}
