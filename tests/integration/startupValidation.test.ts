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
});
