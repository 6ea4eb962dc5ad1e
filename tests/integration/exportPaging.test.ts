import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCatalogXlsx, streamCatalogJson, streamCatalogXlsx } from '../../platform/src/catalog/exchange';
import { databasePages, listExportKeys } from '../../platform/src/catalog/operations/exportPages';
import { SYSTEM_ACTOR } from '../../platform/src/kernel';
import { startTestServer, type TestServer } from '../support/startTestServer';

/** Exports read page by page; small pages make every sheet span several of them. */
describe('export paging', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ shouldSeedCatalog: true });
  });
  afterAll(async () => {
    await server?.close();
  });
  const keysAndDocuments = async () => {
    const keys = await listExportKeys(server.deps, { actor: SYSTEM_ACTOR }, { filters: {} });
    const stored = await server.deps.db.query<{ code: string; document: unknown }>(
      `SELECT v.code, v.document FROM matter_versions v
       JOIN unnest($1::text[], $2::int[]) AS k(code, version) ON v.code = k.code AND v.version = k.version ORDER BY v.code`,
      [keys.map((k) => k.code), keys.map((k) => k.version)],
    );
    return { keys, documents: stored.rows.map((row) => row.document) };
  };

  it('writes the same workbook over pages of 7, with the version each row came from', async () => {
    const { keys, documents } = await keysAndDocuments();
    expect(keys.length).toBeGreaterThan(14);
    const output = new PassThrough();
    const chunks: Buffer[] = [];
    output.on('data', (chunk: Buffer) => chunks.push(chunk));
    const sources = new Map(keys.map((key) => [key.code, { version: key.version, revision: key.revision }]));
    await streamCatalogXlsx({ pages: databasePages(server.deps.db, keys, { pageSize: 7 }), output, sources });
    const read = await readCatalogXlsx({ bytes: Buffer.concat(chunks) });
    expect(read.issues).toEqual([]);
    expect(read.documents).toEqual(documents);
    expect(read.sources[0]).toMatchObject({ sourceVersion: { version: keys[0]?.version, revision: keys[0]?.revision } });
  });

  it('streams JSON with the documents and the revisions they were read at', async () => {
    const { keys, documents } = await keysAndDocuments();
    let text = '';
    const exportedAt = new Date('2026-12-01T00:00:00Z');
    for await (const slice of streamCatalogJson({ pages: databasePages(server.deps.db, keys, { pageSize: 7 }), exportedAt })) {
      text += slice;
    }
    const parsed = JSON.parse(text) as { matters: unknown[]; revisions: Record<string, unknown>; exportedAt: string };
    expect(parsed.exportedAt).toBe(exportedAt.toISOString());
    expect(parsed.matters).toEqual(documents);
    expect(parsed.revisions[keys[0]?.code ?? '']).toEqual({ version: keys[0]?.version, revision: keys[0]?.revision });
  });

  it('stops rather than mix revisions when a draft changes during the export', async () => {
    const { keys } = await keysAndDocuments();
    const pages = databasePages(server.deps.db, keys, { pageSize: 7 });
    await server.deps.db.query('UPDATE matter_versions SET revision = revision + 1 WHERE code = $1 AND version = $2', [
      keys[0]?.code,
      keys[0]?.version,
    ]);
    await expect(async () => {
      for await (const page of pages([[]])) void page;
    }).rejects.toThrow(/被修改/);
  });
});
