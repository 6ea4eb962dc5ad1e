import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../audit';
import { upsertDepartments } from '../../departments';
import { fixedClock, type Actor, type Db } from '../../kernel';
import { openDb } from '../../infra';
import { importCatalog, type SaveDraft } from './importCatalog';
import { parseCatalogJson } from './parseCatalogJson';
import { parseImportFile } from './parseImportFile';
import { readCatalogXlsx } from './readCatalogXlsx';
import { writeCatalogXlsx } from './writeCatalogXlsx';

const fixture = (name: string) => readFileSync(new URL(`../../../../tests/fixtures/${name}`, import.meta.url), 'utf8');
const sample = parseCatalogJson({ text: fixture('sample-catalog.json') });
const dirty = parseCatalogJson({ text: fixture('dirty-catalog.json') });

const DEPARTMENTS = [
  ['114306210061000108', '某县市场监督管理局'],
  ['114306210061000295', '某县卫生健康局'],
  ['114306210061000370', '某县民政局'],
  ['11430621006100045T', '某县人力资源和社会保障局'],
  ['11430621006100053M', '某县自然资源局'],
  ['11430621006100061G', '某县住房和城乡建设局'],
  ['1143062100610007X8', '某县公安局'],
] as const;

const user = (role: 'legal' | 'dept_admin' | 'window', departmentCode: string | null = null): Actor => ({
  kind: 'user',
  userId: 0,
  username: `${role}-tester`,
  displayName: '测试',
  role,
  departmentCode,
});
const legal = user('legal');

/** Stands in for the catalog module's saveDraft: records the matter, reports whether it was new. */
const saveDraft: SaveDraft = async (tx, document) => {
  const inserted = await tx.query('INSERT INTO matters (code, department_code) VALUES ($1, $2) ON CONFLICT (code) DO NOTHING', [
    document.code,
    document.department.code,
  ]);
  return inserted.rowCount === 1 ? 'created' : 'updated';
};

let db: Db;
let ctx: { db: Db; clock: ReturnType<typeof fixedClock> };
const matterCount = async () => Number((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM matters')).rows[0]?.n);

beforeAll(async () => {
  db = await openDb({});
  ctx = { db, clock: fixedClock('2025-06-02T02:00:00Z') };
  await upsertDepartments(
    db,
    DEPARTMENTS.map(([code, name]) => ({ code, name, shortName: null, region: '430621' })),
  );
});
afterAll(async () => db.close());
beforeEach(async () => {
  await db.query('DELETE FROM matters');
});

describe('importCatalog', () => {
  it('saves every matter in one go and audits the counts; a second import updates', async () => {
    const first = await importCatalog(ctx, { actor: legal }, { documents: sample.documents, sources: sample.sources, saveDraft });
    expect(first).toEqual({
      created: 4,
      updated: 0,
      unchanged: 0,
      total: 4,
      codes: sample.documents.map((document: any) => document.code),
      conflicts: [],
      inReview: [],
      // The sample file was written against meta-schema 1.
      migrated: { count: 4, fromVersions: [1], toVersion: 2 },
      isDryRun: false,
    });
    const again = await importCatalog(ctx, { actor: legal }, { documents: sample.documents, saveDraft });
    expect(again).toMatchObject({ created: 0, updated: 4, total: 4 });
    const [audit] = await listAudit({ db }, { actor: legal }, { targetType: 'catalog', limit: 10 });
    expect(audit).toMatchObject({
      action: 'catalog.import',
      username: 'legal-tester',
      details: { created: 0, updated: 4, total: 4, migrated: 4 },
    });
  });

  it('rejects a dirty file with every error located and writes nothing', async () => {
    const error = await importCatalog(
      ctx,
      { actor: legal },
      { documents: dirty.documents, sources: dirty.sources, saveDraft },
    ).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'IMPORT_INVALID' });
    const errors = (error as { details: { errors: { row: number; pointer: string; code: string; matterCode?: string }[] } })
      .details.errors;
    const found = errors.map(({ row, pointer, code }) => `${row} ${pointer} ${code}`);
    expect(found).toEqual(
      expect.arrayContaining([
        '9 /code schema.required',
        '10 /code code.malformed',
        '10 /catalogCode code.malformed',
        '11 /code code.prefix_mismatch',
        '12 /code code.duplicate',
        '13 /department/code department.unknown',
      ]),
    );
    expect(errors.every((issue) => issue.row >= 1 && issue.pointer.startsWith('/'))).toBe(true);
    expect(await matterCount()).toBe(0);
  });

  it('reports the bad USCC check digit of a department code', async () => {
    const document = structuredClone(sample.documents[0]) as any;
    document.department.code = '114306210061000109';
    document.code = `${document.department.code}0001310240001`;
    await expect(importCatalog(ctx, { actor: legal }, { documents: [document], saveDraft })).rejects.toMatchObject({
      code: 'IMPORT_INVALID',
      details: { errors: [expect.objectContaining({ row: 1, pointer: '/department/code', code: 'department.invalid' })] },
    });
  });

  it('lets a department administrator import only the own department', async () => {
    const admin = user('dept_admin', '114306210061000108');
    const error = await importCatalog(ctx, { actor: admin }, { documents: sample.documents, saveDraft }).catch(
      (caught: unknown) => caught,
    );
    expect((error as { details: { errors: { row: number; code: string }[] } }).details.errors).toEqual([
      expect.objectContaining({ row: 2, code: 'department.scope' }),
      expect.objectContaining({ row: 3, code: 'department.scope' }),
      expect.objectContaining({ row: 4, code: 'department.scope' }),
    ]);
    expect(await matterCount()).toBe(0);
    await expect(
      importCatalog(ctx, { actor: admin }, { documents: sample.documents.slice(0, 1), saveDraft }),
    ).resolves.toMatchObject({ created: 1 });
  });

  it('refuses other roles and anonymous callers', async () => {
    await expect(
      importCatalog(ctx, { actor: user('window', '114306210061000108') }, { documents: sample.documents, saveDraft }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      importCatalog(ctx, { actor: { kind: 'anonymous' } }, { documents: sample.documents, saveDraft }),
    ).rejects.toMatchObject({ code: 'AUTH_REQUIRED' });
  });

  it('rolls back everything when a save fails half-way', async () => {
    const failing: SaveDraft = async (tx, document) => {
      if (document.code === (sample.documents[2] as any).code) {
        const { fail } = await import('../../kernel');
        throw fail('DRAFT_EXISTS');
      }
      return saveDraft(tx, document);
    };
    await expect(
      importCatalog(ctx, { actor: legal }, { documents: sample.documents, sources: sample.sources, saveDraft: failing }),
    ).rejects.toMatchObject({
      code: 'IMPORT_INVALID',
      details: { errors: [expect.objectContaining({ row: 3, code: 'DRAFT_EXISTS' })] },
    });
    expect(await matterCount()).toBe(0);
  });

  it('writes nothing for rows that change nothing, are in review or conflict, and lists them by row', async () => {
    const [unchanged, inReview, conflicting, fresh] = sample.documents.map((document: any) => document.code as string);
    const seen: { code: string; source: unknown }[] = [];
    const guarded: SaveDraft = async (tx, document, source) => {
      seen.push({ code: document.code, source });
      if (document.code === unchanged) return 'unchanged';
      if (document.code === inReview) return 'in_review';
      if (document.code === conflicting) return { conflict: '导出后该事项的草稿已被修改' };
      return saveDraft(tx, document);
    };
    const sources = sample.sources.map((source, index) =>
      index === 2 ? { ...source, sourceVersion: { version: 3, revision: 5 } } : source,
    );
    const result = await importCatalog(ctx, { actor: legal }, { documents: sample.documents, sources, saveDraft: guarded });
    expect(result).toEqual({
      created: 1,
      updated: 0,
      unchanged: 1,
      total: 4,
      codes: [fresh],
      conflicts: [{ code: conflicting, row: 3, reason: '导出后该事项的草稿已被修改' }],
      inReview: [{ code: inReview, row: 2 }],
      migrated: { count: 4, fromVersions: [1], toVersion: 2 },
      isDryRun: false,
    });
    expect(seen[2]).toEqual({ code: conflicting, source: { version: 3, revision: 5 } });
    expect(seen[0]?.source).toBeUndefined();
  });

  it.each([
    ['JSON catalog', 'json', 'v1-catalog.json'],
    ['xlsx workbook', 'xlsx', 'v1-catalog.xlsx'],
  ] as const)('imports a version 1 %s, migrating every matter before the check and saying so', async (_label, kind, file) => {
    const bytes = readFileSync(new URL(`../../../../tests/fixtures/${file}`, import.meta.url));
    const v1 = JSON.parse(fixture('v1-catalog.json')) as { matters: any[] };
    const departments = [...new Set(v1.matters.map((document) => document.department.code as string))];
    const parsed = await parseImportFile({ bytes, kind, actor: legal as Actor & { kind: 'user' }, departments });
    expect(parsed.issues).toEqual([]);
    expect(parsed.migrated).toEqual({ count: v1.matters.length, fromVersions: [1], toVersion: 2 });
    expect(parsed.documents.every((document: any) => document.metaSchemaVersion === 2)).toBe(true);
    // A version 1 limit of 0 explained as 未规定 is "not set", not 当场办结; a plain 0 stays 0.
    const limits = parsed.documents.map((document: any) => document.timeLimits?.statutory);
    const v1Limits = v1.matters.map((document) => document.timeLimits?.statutory);
    const unspecified = limits.flatMap((limit, i) => (limit?.unspecified === true ? [i] : []));
    expect(unspecified.length).toBeGreaterThan(0);
    for (const i of unspecified) expect(v1Limits[i]).toMatchObject({ value: 0 });
    expect(limits.filter((limit) => limit?.value === 0).length).toBe(
      v1Limits.filter((limit) => limit?.value === 0).length - unspecified.length,
    );

    await upsertDepartments(
      db,
      v1.matters.map(({ department }) => ({ code: department.code, name: department.name, shortName: null, region: '430621' })),
    );
    const result = await importCatalog(
      ctx,
      { actor: legal },
      { documents: parsed.documents, sources: parsed.sources, isChecked: true, migrated: parsed.migrated, saveDraft },
    );
    expect(result).toMatchObject({ created: v1.matters.length, migrated: { count: v1.matters.length, fromVersions: [1] } });
  });

  it('imports a national file our version 1 wrote: its extension says version 1, so it is migrated too', async () => {
    const bytes = readFileSync(new URL('../../../../tests/fixtures/v1-national.json', import.meta.url));
    const records = (JSON.parse(bytes.toString('utf8')) as { records: { dept_code: string }[] }).records;
    const departments = [...new Set(records.map((record) => record.dept_code))];
    const parsed = await parseImportFile({ bytes, kind: 'json', actor: legal as Actor & { kind: 'user' }, departments });
    expect(parsed.issues).toEqual([]);
    expect(parsed.migrated).toEqual({ count: records.length, fromVersions: [1], toVersion: 2 });
    const limits = parsed.documents.map((document: any) => document.timeLimits.statutory);
    expect(limits.filter((limit) => limit.unspecified === true)).toHaveLength(3);
    // 当场予以登记 is a limit of 0, not "not set".
    expect(limits.filter((limit) => limit.value === 0)).toEqual([
      expect.objectContaining({ explain: expect.stringContaining('当场') }),
    ]);
  });

  it('rejects an empty file', async () => {
    await expect(importCatalog(ctx, { actor: legal }, { documents: [], saveDraft })).rejects.toMatchObject({
      code: 'IMPORT_INVALID',
    });
  });

  it('locates xlsx errors by sheet, row and column, together with unreadable cells', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeCatalogXlsx({ documents: sample.documents })) as unknown as ExcelJS.Buffer);
    const materials = workbook.getWorksheet('申请材料')!;
    materials.getRow(4).getCell(3).value = null; // 材料名称 of the second material: required
    materials.getRow(5).getCell(4).value = '扫描件'; // 材料类型: not in the code list
    const read = await readCatalogXlsx({ bytes: Buffer.from(await workbook.xlsx.writeBuffer()) });
    const error = await importCatalog(
      ctx,
      { actor: legal },
      { documents: read.documents, sources: read.sources, parseIssues: read.issues, saveDraft },
    ).catch((caught: unknown) => caught);
    expect((error as { details: { errors: unknown[] } }).details.errors).toEqual([
      expect.objectContaining({
        sheet: '申请材料',
        row: 5,
        column: '材料类型',
        pointer: '/materials/2/type',
        code: 'xlsx.invalid_value',
      }),
      expect.objectContaining({
        sheet: '申请材料',
        row: 4,
        column: '材料名称',
        pointer: '/materials/1/name',
        code: 'schema.required',
      }),
    ]);
    expect(await matterCount()).toBe(0);
  });
});
