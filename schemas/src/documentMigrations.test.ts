import { describe, expect, it } from 'vitest';
import { migrateDocument, type DocumentMigration } from './documentMigrations';

describe('meta-schema 1 → 2', () => {
  const v1 = (statutory: Record<string, unknown>) => ({ metaSchemaVersion: 1, code: 'X', timeLimits: { statutory } });

  it('turns a 0 that says the law sets no limit into 未规定, keeping the explanation', () => {
    expect(migrateDocument(v1({ value: 0, unit: 'workday', explain: '法律法规未规定办理时限，即时办理' }))).toEqual({
      metaSchemaVersion: 2,
      code: 'X',
      timeLimits: { statutory: { unspecified: true, explain: '法律法规未规定办理时限，即时办理' } },
    });
  });

  it('keeps a real 0 (当场办结) and every other limit as it was', () => {
    const onTheSpot = { value: 0, unit: 'workday', explain: '当场办结' };
    expect(migrateDocument(v1(onTheSpot)).timeLimits).toEqual({ statutory: onTheSpot });
    expect(migrateDocument(v1({ value: 20, unit: 'day' })).timeLimits).toEqual({ statutory: { value: 20, unit: 'day' } });
    expect(migrateDocument({ metaSchemaVersion: 1, code: 'X' })).toEqual({ metaSchemaVersion: 2, code: 'X' });
  });
});

/** A plausible future change: v3 splits 办理地点 into a list of windows. */
const toV3: DocumentMigration = {
  from: 2,
  describe: 'contact.address → contact.windows[]',
  up: (document) => {
    const contact = (document.contact ?? {}) as Record<string, unknown>;
    const { address, ...rest } = contact;
    return { ...document, contact: { ...rest, windows: address ? [{ address }] : [] } };
  },
};

describe('migrateDocument', () => {
  const v2 = { metaSchemaVersion: 2, code: 'X', contact: { address: '云溪县政务服务中心 1 楼 12 号窗口' } };

  it('leaves a current document as it is', () => {
    expect(migrateDocument(v2)).toEqual(v2);
  });

  it('applies each step in order and records the new version', () => {
    expect(migrateDocument(v2, { migrations: [toV3], currentVersion: 3 })).toEqual({
      metaSchemaVersion: 3,
      code: 'X',
      contact: { windows: [{ address: '云溪县政务服务中心 1 楼 12 号窗口' }] },
    });
  });

  it('refuses documents from a newer server, without a version, or with a gap in the migrations', () => {
    expect(() => migrateDocument({ ...v2, metaSchemaVersion: 4 }, { migrations: [toV3], currentVersion: 3 })).toThrow(
      /newer than this server's 3/,
    );
    expect(() => migrateDocument({ code: 'X' })).toThrow(/metaSchemaVersion undefined/);
    expect(() => migrateDocument(v2, { migrations: [], currentVersion: 3 })).toThrow(/no migration from meta-schema 2/);
  });
});
