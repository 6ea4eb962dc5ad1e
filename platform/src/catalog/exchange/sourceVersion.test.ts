import { describe, expect, it } from 'vitest';
import { parseCatalogJson } from './parseCatalogJson';
import { formatSourceVersion, parseSourceVersion } from './sourceVersion';

describe('source versions', () => {
  it('writes and reads the 来源版本 cell, forgiving spaces and case', () => {
    expect(formatSourceVersion({ version: 3, revision: 5 })).toBe('v3 r5');
    expect(parseSourceVersion('v3 r5')).toEqual({ version: 3, revision: 5 });
    expect(parseSourceVersion(' V3R5 ')).toEqual({ version: 3, revision: 5 });
    expect(parseSourceVersion('第3版')).toBeUndefined();
  });

  it('takes each matter’s source from the JSON export’s revisions map, ignoring malformed entries', () => {
    const parsed = parseCatalogJson({
      text: JSON.stringify({
        format: 'matterflow-catalog',
        version: 1,
        matters: [{ code: 'A' }, { code: 'B' }, { code: 'C' }, { code: 'toString' }],
        revisions: { A: { version: 2, revision: 7 }, B: { version: '2', revision: 7 } },
      }),
    });
    expect(parsed.sources).toEqual([{ row: 1, sourceVersion: { version: 2, revision: 7 } }, { row: 2 }, { row: 3 }, { row: 4 }]);
  });
});
