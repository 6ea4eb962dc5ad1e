import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DomainError, fail } from '../../kernel';
import type { ParsedImport, ParseImportInput } from './parseImportFile';

/** A worker's heap: enough for the largest file IMPORT_LIMITS allows, not the whole server's memory. */
const WORKER_HEAP_MB = 1536;

type WorkerReply =
  | { ready: true }
  | { part: Pick<ParsedImport, 'documents' | 'sources'> }
  | { ok: true; issues: ParsedImport['issues']; migrated: ParsedImport['migrated'] }
  | { ok: false; error?: { code: string; message: string; details: unknown } };

/** An idle worker is kept this long for the next import, then ended so memory at rest stays low. */
const IDLE_MS = 60_000;

let idle: { worker: Worker; timer: NodeJS.Timeout; onExit: () => void } | undefined;
/** Imports take turns on one worker: a centre imports rarely, and one file at a time bounds memory. */
let queue: Promise<unknown> = Promise.resolve();

function takeWorker(): Worker {
  if (idle) {
    clearTimeout(idle.timer);
    const { worker, onExit } = idle;
    // Taken again, its idle watch goes: one left per import piled up on a long-lived worker.
    worker.off('exit', onExit);
    idle = undefined;
    return worker;
  }
  return new Worker(bootstrap(), { eval: true, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
}

function keepIdle(worker: Worker): void {
  const timer = setTimeout(() => {
    if (idle?.worker === worker) idle = undefined;
    void worker.terminate();
  }, IDLE_MS);
  // An idle worker must not keep the process (or a test run) alive.
  timer.unref();
  worker.unref();
  // A worker that dies while idle (out of memory later, killed) is not handed out again.
  const onExit = () => {
    if (idle?.worker !== worker) return;
    clearTimeout(timer);
    idle = undefined;
  };
  worker.once('exit', onExit);
  idle = { worker, timer, onExit };
}

/**
 * Parses and checks an import file in a worker thread, so that a large workbook never stalls
 * other requests: the request thread only waits. The worker stays for the next import for a
 * minute (starting one costs seconds: loader, exceljs, the compiled meta-schemas). Sources run as
 * TypeScript (tsx in production, vitest in tests), so the worker gets tsx's loader.
 */
export function runImportWorker(input: ParseImportInput): Promise<ParsedImport> {
  const run = queue.then(() => parseOnWorker(input));
  queue = run.catch(() => undefined);
  return run;
}

function parseOnWorker(input: ParseImportInput): Promise<ParsedImport> {
  return new Promise((resolve, reject) => {
    const worker = takeWorker();
    worker.ref();
    let isDone = false;
    const documents: ParsedImport['documents'] = [];
    const sources: ParsedImport['sources'] = [];
    const detach = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const finish = (settle: () => void, { isReusable }: { isReusable: boolean }) => {
      if (isDone) return;
      isDone = true;
      detach();
      if (isReusable) keepIdle(worker);
      else void worker.terminate();
      settle();
    };
    const onMessage = (reply: WorkerReply) => {
      if ('ready' in reply || 'part' in reply) {
        if ('part' in reply) {
          documents.push(...reply.part.documents);
          sources.push(...reply.part.sources);
        }
        // Ask for the next slice on a later turn, so that other requests go first.
        setImmediate(() => worker.postMessage('next'));
        return;
      }
      finish(
        () => {
          if (reply.ok) resolve({ documents, sources, issues: reply.issues, migrated: reply.migrated });
          else if (reply.error) reject(new DomainError(reply.error.code, reply.error.message, reply.error.details));
          else reject(unreadable());
        },
        // A worker that failed on something other than the file itself is not trusted again.
        { isReusable: reply.ok || reply.error !== undefined },
      );
    };
    const onError = (error: Error & { code?: string }) =>
      finish(
        () =>
          reject(
            error.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? fail('BODY_TOO_LARGE', { reason: 'tooComplex' }, '导入文件过于庞大或复杂，无法读取，请拆分后再导入')
              : unreadable(),
          ),
        { isReusable: false },
      );
    const onExit = () => finish(() => reject(unreadable()), { isReusable: false });
    worker.on('message', onMessage);
    worker.once('error', onError);
    worker.once('exit', onExit);
    worker.postMessage({ job: input });
  });
}

/**
 * The worker's first code. For TypeScript sources it registers tsx's loader inside the worker
 * before importing the entry: on Node 20 a loader given by `--import` in execArgv does not apply
 * to the worker's own entry module.
 */
function bootstrap(): string {
  const isTypeScript = import.meta.url.endsWith('.ts');
  const entry = new URL(`./parseImportWorker.${isTypeScript ? 'ts' : 'js'}`, import.meta.url).href;
  if (!isTypeScript) return `import(${JSON.stringify(entry)});`;
  // The ESM build of tsx's API: require.resolve would pick the CommonJS one, which cannot register ESM hooks.
  const api = new URL('dist/esm/api/index.mjs', pathToFileURL(createRequire(import.meta.url).resolve('tsx/package.json'))).href;
  return `import(${JSON.stringify(api)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
}

function unreadable() {
  return fail('IMPORT_FILE_UNREADABLE', { reason: 'corrupt' }, '无法读取导入文件：文件已损坏或格式不受支持');
}
