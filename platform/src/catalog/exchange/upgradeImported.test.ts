import { describe, expect, it } from 'vitest';
import { upgradeImported } from './upgradeImported';

const notSet = { value: 0, unit: 'workday', explain: '法律未规定办理时限，本县当场办理' };

describe('upgradeImported', () => {
  it('migrates version 1 documents, leaves current ones as they are, and counts what it migrated', () => {
    const current = { metaSchemaVersion: 2, code: 'B', timeLimits: { statutory: { value: 0, unit: 'workday' } } };
    const { documents, migrated } = upgradeImported([
      { metaSchemaVersion: 1, code: 'A', timeLimits: { statutory: notSet } },
      current,
    ]);
    expect(documents).toEqual([
      { metaSchemaVersion: 2, code: 'A', timeLimits: { statutory: { unspecified: true, explain: notSet.explain } } },
      current,
    ]);
    expect(documents[1]).toBe(current);
    expect(migrated).toEqual({ count: 1, fromVersions: [1], toVersion: 2 });
  });

  it('leaves what it cannot read for the meta-schema to report', () => {
    const odd = [{ metaSchemaVersion: 3 }, { metaSchemaVersion: '1' }, { code: 'X' }, null, 'text'];
    const { documents, migrated } = upgradeImported(odd);
    expect(documents).toEqual(odd);
    expect(migrated).toEqual({ count: 0, fromVersions: [], toVersion: 2 });
  });
});
