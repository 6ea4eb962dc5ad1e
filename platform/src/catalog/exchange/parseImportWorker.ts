import { parentPort } from 'node:worker_threads';
import { isDomainError } from '../../kernel';
import { IMPORT_MESSAGE_SLICE, parseImportFile, type ParsedImport, type ParseImportInput } from './parseImportFile';

/**
 * Worker entry (started by runImportWorker, which reuses it for one import after another): parses
 * and checks an import file off the request thread and posts back the result — documents in slices,
 * each sent only when asked for, then the issues — or the DomainError it failed with. Other errors
 * are reported without their text: library messages name internals the clerk cannot act on.
 */
let pending: { result: ParsedImport; at: number } | undefined;

function sendNext(): void {
  if (!pending) return;
  const { result } = pending;
  if (pending.at >= result.documents.length) {
    pending = undefined;
    parentPort?.postMessage({ ok: true, issues: result.issues, migrated: result.migrated });
    return;
  }
  // The request thread deserialises a message in one go, so a thousand documents at once would stall it.
  const part = {
    documents: result.documents.slice(pending.at, pending.at + IMPORT_MESSAGE_SLICE),
    sources: result.sources.slice(pending.at, pending.at + IMPORT_MESSAGE_SLICE),
  };
  pending.at += IMPORT_MESSAGE_SLICE;
  parentPort?.postMessage({ part });
}

parentPort?.on('message', (message: { job: ParseImportInput } | 'next') => {
  if (message === 'next') {
    sendNext();
    return;
  }
  parseImportFile(message.job).then(
    (result) => {
      pending = { result, at: 0 };
      parentPort?.postMessage({ ready: true });
    },
    (error: unknown) => {
      if (isDomainError(error)) {
        parentPort?.postMessage({ ok: false, error: { code: error.code, message: error.message, details: error.details } });
        return;
      }
      // For the operator's log only; the clerk is told the file could not be read.
      console.error('import worker failed', error);
      parentPort?.postMessage({ ok: false });
    },
  );
});
