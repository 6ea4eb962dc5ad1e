import { describe, expect, it } from 'vitest';
import { migrateDocument, type DocumentMigration } from './documentMigrations';

/** A plausible future change: v2 splits 办理地点 into a list of windows. */
const toV2: DocumentMigration = {
  from: 1,
  describe: 'contact.address → contact.windows[]',
  up: (document) => {
    const contact = (document.contact ?? {}) as Record<string, unknown>;
    const { address, ...rest } = contact;
    return { ...document, contact: { ...rest, windows: address ? [{ address }] : [] } };
  },
};

describe('migrateDocument', () => {
  const v1 = { metaSchemaVersion: 1, code: 'X', contact: { address: '云溪县政务服务中心 1 楼 12 号窗口' } };

  it('leaves a current document as it is', () => {
    expect(migrateDocument(v1)).toEqual(v1);
  });

  it('applies each step in order and records the new version', () => {
    expect(migrateDocument(v1, { migrations: [toV2], currentVersion: 2 })).toEqual({
      metaSchemaVersion: 2,
      code: 'X',
      contact: { windows: [{ address: '云溪县政务服务中心 1 楼 12 号窗口' }] },
    });
  });

  it('refuses documents from a newer server, without a version, or with a gap in the migrations', () => {
    expect(() => migrateDocument({ ...v1, metaSchemaVersion: 3 }, { migrations: [toV2], currentVersion: 2 })).toThrow(
      /newer than this server's 2/,
    );
    expect(() => migrateDocument({ code: 'X' })).toThrow(/metaSchemaVersion undefined/);
    expect(() => migrateDocument(v1, { migrations: [], currentVersion: 2 })).toThrow(/no migration from meta-schema 1/);
  });
});
