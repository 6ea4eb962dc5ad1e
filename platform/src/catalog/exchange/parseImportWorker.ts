import { parentPort, workerData } from 'node:worker_threads';
import { isDomainError } from '../../kernel';
import { IMPORT_MESSAGE_SLICE, parseImportFile, type ParseImportInput } from './parseImportFile';

/**
 * Worker entry (started by runImportWorker): parses and checks one import file off the request
 * thread and posts back the result (documents in slices, then the issues), or the DomainError it failed with. Other errors are reported
 * without their text: library messages name internals the clerk cannot act on.
 */
parseImportFile(workerData as ParseImportInput).then(
  ({ documents, sources, issues }) => {
    // In slices, each sent only when asked for: the request thread deserialises a message in one
    // go and drains a port's queue in one go, so a thousand documents at once would stall it.
    let at = 0;
    parentPort?.on('message', () => {
      if (at >= documents.length) {
        parentPort?.postMessage({ ok: true, issues });
        return;
      }
      const part = {
        documents: documents.slice(at, at + IMPORT_MESSAGE_SLICE),
        sources: sources.slice(at, at + IMPORT_MESSAGE_SLICE),
      };
      at += IMPORT_MESSAGE_SLICE;
      parentPort?.postMessage({ part });
    });
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
