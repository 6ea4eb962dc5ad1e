import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkStoredDocuments } from '../../platform/src/catalog';
import { startTestServer, type TestServer } from '../support/startTestServer';

describe('start-up validation of stored documents', () => {
  let server: TestServer;
  const logger = pino({ level: 'silent' });
  beforeAll(async () => {
    server = await startTestServer({ shouldSeedCatalog: true });
  });
  afterAll(async () => {
    await server?.close();
  });
  const check = () => checkStoredDocuments({ db: server.deps.db, logger });
  const firstCode = async () =>
    (await server.deps.db.query<{ code: string }>('SELECT code FROM matter_versions ORDER BY code LIMIT 1')).rows[0]?.code ?? '';

  it('reads no row that was validated against the current meta-schema', async () => {
    const stored = await server.deps.db.query<{ n: number }>('SELECT count(*)::int AS n FROM matter_versions');
    expect(stored.rows[0]?.n).toBeGreaterThan(0);
    expect(await check()).toEqual({ checked: 0, migrated: 0 });
  });

  it('checks a row with a stale stamp once, then stamps it', async () => {
    const code = await firstCode();
    await server.deps.db.query("UPDATE matter_versions SET validated_with = 'm0.r0.old' WHERE code = $1", [code]);
    expect((await check()).checked).toBe(1);
    expect((await check()).checked).toBe(0);
  });

  it('still catches a document changed behind the application, which loses its stamp', async () => {
    const code = await firstCode();
    await server.deps.db.query(
      `UPDATE matter_versions SET document = jsonb_set(document, '{metaSchemaVersion}', '99') WHERE code = $1`,
      [code],
    );
    await expect(check()).rejects.toThrow(new RegExp(`${code} v1: .*meta-schema 99`));
    await server.deps.db.query(
      `UPDATE matter_versions SET document = jsonb_set(document, '{metaSchemaVersion}', '1') WHERE code = $1`,
      [code],
    );
    expect((await check()).checked).toBe(1);
  });
  it('migrates a document stored by the previous release (meta-schema 1): a 0 that says "未规定" becomes unspecified', async () => {
    const { rows } = await server.deps.db.query<{ code: string; version: number; document: Record<string, unknown> }>(
      `SELECT code, version, document FROM matter_versions WHERE document->'timeLimits'->'statutory'->>'unspecified' = 'true'
       ORDER BY code, version LIMIT 1`,
    );
    const row = rows[0];
    if (!row) throw new Error('the seed has no matter whose law sets no limit');
    const limits = row.document.timeLimits as { statutory: { explain: string } };
    const v1 = {
      ...row.document,
      metaSchemaVersion: 1,
      timeLimits: { ...limits, statutory: { value: 0, unit: 'workday', explain: limits.statutory.explain } },
    };
    await server.deps.db.query(
      'UPDATE matter_versions SET document = $3, meta_schema_version = 1, validated_with = NULL WHERE code = $1 AND version = $2',
      [row.code, row.version, JSON.stringify(v1)],
    );
    expect(await check()).toEqual({ checked: 1, migrated: 1 });
    const after = await server.deps.db.query<{ meta_schema_version: number; document: Record<string, unknown> }>(
      'SELECT meta_schema_version, document FROM matter_versions WHERE code = $1 AND version = $2',
      [row.code, row.version],
    );
    expect(after.rows[0]?.meta_schema_version).toBe(2);
    expect(after.rows[0]?.document).toEqual(row.document);
    expect(await check()).toEqual({ checked: 0, migrated: 0 });
  });
});
