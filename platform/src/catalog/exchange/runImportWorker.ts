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
  | { ok: true; issues: ParsedImport['issues'] }
  | { ok: false; error?: { code: string; message: string; details: unknown } };

/**
 * Parses and checks an import file in a worker thread, so that a large workbook never stalls
 * other requests: the request thread only waits. Sources run as TypeScript (tsx in production,
 * vitest in tests), so the worker gets tsx's loader; built JavaScript would need none.
 */
export function runImportWorker(input: ParseImportInput): Promise<ParsedImport> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(bootstrap(), {
      eval: true,
      workerData: input,
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    let isDone = false;
    const finish = (settle: () => void) => {
      if (isDone) return;
      isDone = true;
      settle();
      void worker.terminate();
    };
    const documents: ParsedImport['documents'] = [];
    const sources: ParsedImport['sources'] = [];
    worker.on('message', (reply: WorkerReply) => {
      if ('ready' in reply || 'part' in reply) {
        if ('part' in reply) {
          documents.push(...reply.part.documents);
          sources.push(...reply.part.sources);
        }
        // Ask for the next slice on a later turn, so that other requests go first.
        setImmediate(() => worker.postMessage('next'));
        return;
      }
      finish(() => {
        if (reply.ok) resolve({ documents, sources, issues: reply.issues });
        else if (reply.error) reject(new DomainError(reply.error.code, reply.error.message, reply.error.details));
        else reject(unreadable());
      });
    });
    worker.once('error', (error: Error & { code?: string }) =>
      finish(() =>
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? fail('BODY_TOO_LARGE', { reason: 'tooComplex' }, '导入文件过于庞大或复杂，无法读取，请拆分后再导入')
            : unreadable(),
        ),
      ),
    );
    worker.once('exit', () => finish(() => reject(unreadable())));
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
