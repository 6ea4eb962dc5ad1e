import { getPath } from './documentPaths';

/** One matter in a page: its 实施编码 and the values at the requested paths (undefined where absent). */
export interface MatterPart {
  code: string;
  values: readonly unknown[];
  /** Where the row was read from (database pages only): the JSON export records them. */
  version?: number;
  revision?: number;
  status?: string;
}

/**
 * Reads the catalog page by page in 实施编码 order, each time only the values at `paths` (the
 * empty path is the whole document). Exports read one sheet at a time through it, so a workbook of
 * 10,000 matters never holds more than a page of documents in memory.
 */
export type MatterPages = (paths: readonly (readonly string[])[]) => AsyncIterable<readonly MatterPart[]>;

/** Pages over documents already in memory (tests, benchmarks, small exports). */
export function pagesOfDocuments(documents: readonly unknown[], pageSize = 200): MatterPages {
  return async function* (paths) {
    for (let at = 0; at < documents.length; at += pageSize) {
      yield documents.slice(at, at + pageSize).map((document) => ({
        code: String(getPath(document, ['code']) ?? ''),
        values: paths.map((path) => getPath(document, path)),
      }));
    }
  };
}

/** Lets queued requests run between two pages of an export. */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Returns a check to call between small units of work (a matter, a row): it yields to the event
 * loop once `budgetMs` have passed since the last yield, so that a slow page (first use, a huge
 * document, a busy machine) still lets other requests in.
 */
export function timeSlicer(budgetMs = 20): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < budgetMs) return;
    await yieldToEventLoop();
    since = performance.now();
  };
}
