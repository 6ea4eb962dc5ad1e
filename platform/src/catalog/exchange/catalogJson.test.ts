import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportCatalogJson } from './exportCatalogJson';
import { parseCatalogJson } from './parseCatalogJson';

const sample = JSON.parse(readFileSync(new URL('../../../../tests/fixtures/sample-catalog.json', import.meta.url), 'utf8')) as {
  matters: unknown[];
};
const matters = sample.matters.map((document, i) => ({ document, version: i + 1, status: 'published' }));
const exportedAt = new Date('2025-06-01T08:00:00Z');

describe('catalog JSON export and parse', () => {
  it('round-trips our format', () => {
    const exported = exportCatalogJson({ matters, exportedAt });
    expect(exported).toMatchObject({ format: 'matterflow-catalog', version: 1, exportedAt: '2025-06-01T08:00:00.000Z' });
    const parsed = parseCatalogJson({ text: JSON.stringify(exported) });
    expect(parsed.format).toBe('matterflow-catalog');
    expect(parsed.documents).toEqual(sample.matters);
    expect(parsed.sources[2]).toEqual({ row: 3 });
  });

  it('round-trips the national format', () => {
    const exported = exportCatalogJson({ matters, exportedAt, isNational: true });
    expect(exported.format).toBe('national-exchange');
    expect((exported as unknown as { records: { task_version: number }[] }).records[1]?.task_version).toBe(2);
    expect(parseCatalogJson({ text: Buffer.from(JSON.stringify(exported)) }).documents).toEqual(sample.matters);
  });

  it('round-trips a matter with every meta-schema 2 element through both formats; only the national one drops the internal note', () => {
    const every = JSON.parse(
      readFileSync(new URL('../../../../tests/fixtures/every-v2-element.json', import.meta.url), 'utf8'),
    ) as Record<string, unknown>;
    const ours = JSON.stringify(exportCatalogJson({ matters: [{ document: every }], exportedAt }));
    expect(parseCatalogJson({ text: ours }).documents).toEqual([every]);
    const national = JSON.stringify(exportCatalogJson({ matters: [{ document: every }], exportedAt, isNational: true }));
    expect(national).not.toContain(String(every.privateNote));
    const { privateNote: _internal, ...published } = every;
    expect(parseCatalogJson({ text: national }).documents).toEqual([published]);
  });

  it('accepts a bare array and a UTF-8 BOM', () => {
    const parsed = parseCatalogJson({ text: `\uFEFF${JSON.stringify(sample.matters)}` });
    expect(parsed.format).toBe('array');
    expect(parsed.documents).toHaveLength(sample.matters.length);
  });

  it.each([
    ['not JSON', '{"format": "matterflow-catalog", '],
    ['an unknown shape', '{"items": []}'],
    ['an unsupported version', '{"format": "matterflow-catalog", "version": 2, "matters": []}'],
    ['matters that are not a list', '{"format": "matterflow-catalog", "version": 1, "matters": {}}'],
  ])('refuses %s with IMPORT_FILE_UNREADABLE', (_label, text) => {
    expect(() => parseCatalogJson({ text })).toThrow(expect.objectContaining({ code: 'IMPORT_FILE_UNREADABLE' }));
  });

  it('refuses more than 5,000 matters', () => {
    expect(() => parseCatalogJson({ text: JSON.stringify(Array.from({ length: 5001 }, () => ({}))) })).toThrow(
      expect.objectContaining({ code: 'BODY_TOO_LARGE' }),
    );
  });
});
