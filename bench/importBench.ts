import { startTestServer } from '../tests/support/startTestServer';
import { readCatalogXlsx, writeCatalogXlsx } from '../platform/src/catalog/exchange';
import { XLSX_MEDIA_TYPE } from '../platform/src/catalog';
import { generateMatters } from './generateMatters';
import { loadPublished } from './searchBench';
import { fmt, median, timeMs } from './stats';

const COUNT = 1_000;

/**
 * An xlsx import of 1,000 matters through POST /api/catalog/import (parse, validate every row, save
 * every draft with its audit entry in one transaction), against two baselines from the same run:
 * parsing the workbook alone, and one bulk INSERT of the same documents (the storage floor).
 * Each run imports fresh codes, so every run creates 1,000 new drafts.
 */
export async function runImportBench(lines: string[], { runs }: { runs: number }): Promise<void> {
  const server = await startTestServer();
  try {
    const legal = await server.login('legal');
    const endpoint: number[] = [];
    const parseOnly: number[] = [];
    const bulkInsert: number[] = [];
    let bytes = 0;
    for (let run = 0; run <= runs; run += 1) {
      const workbook = await writeCatalogXlsx({ documents: generateMatters(COUNT, `I${run}`) });
      const rawDocs = generateMatters(COUNT, `R${run}`);
      bytes = workbook.length;
      const parse = await timeMs(() => readCatalogXlsx({ bytes: workbook }));
      let status = 0;
      const full = await timeMs(async () => {
        const response = await legal.request('POST', '/api/catalog/import', new Uint8Array(workbook), {
          contentType: XLSX_MEDIA_TYPE,
        });
        status = response.status;
        if (status !== 200) throw new Error(`import failed: ${response.text.slice(0, 500)}`);
      });
      const insert = await timeMs(() => loadPublished(server.deps.db, rawDocs, server.deps.clock.today()));
      if (run === 0) continue; // warm-up
      endpoint.push(full);
      parseOnly.push(parse);
      bulkInsert.push(insert);
    }
    const e = median(endpoint);
    lines.push(
      `## Import of ${COUNT} matters from xlsx (${(bytes / 1024).toFixed(0)} KiB, ${server.deps.db.kind}), median of ${runs} runs after a warm-up`,
      '',
    );
    lines.push('| measurement | median | endpoint ÷ this |', '|---|---|---|');
    lines.push(`| POST /api/catalog/import (end to end) | ${fmt(e)} | 1.00× |`);
    lines.push(`| baseline: parse the workbook only | ${fmt(median(parseOnly))} | ${(e / median(parseOnly)).toFixed(2)}× |`);
    lines.push(
      `| baseline: one bulk INSERT of the same documents | ${fmt(median(bulkInsert))} | ${(e / median(bulkInsert)).toFixed(2)}× |`,
    );
    lines.push('');
  } finally {
    await server.close();
  }
}
