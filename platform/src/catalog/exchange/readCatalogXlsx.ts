import ExcelJS from 'exceljs';
import { fail } from '../../kernel';
import type { CellScalar } from './cellCodecs';
import { getPath, isPlainObject, setPath, toPointer, type PlainObject } from './documentPaths';
import type { DocumentSource, ImportIssue } from './ImportIssue';
import { IMPORT_LIMITS } from './importLimits';
import { inspectZip } from './inspectZip';
import { parseSourceVersion, SOURCE_VERSION_HEADER } from './sourceVersion';
import { KEY_HEADER, STRUCTURE_HEADER, xlsxLayout, type Container, type XlsxColumn, type XlsxSheet } from './xlsxLayout';

export interface ReadCatalogXlsxResult {
  documents: PlainObject[];
  sources: DocumentSource[];
  /** Every cell that could not be read; the documents leave those values out. */
  issues: ImportIssue[];
}

type CellRef = { sheet: string; row: number; column: string };
type Cell = CellScalar | { error: string } | undefined;

/**
 * Reads a workbook written by writeCatalogXlsx (or filled in from it). A file that is not such a
 * workbook is refused with IMPORT_FILE_UNREADABLE (BODY_TOO_LARGE past the caps); problems in
 * cells are collected, all of them, as issues located by sheet, row, column and JSON pointer.
 */
export async function readCatalogXlsx({
  bytes,
  maxUncompressedBytes,
}: {
  bytes: Uint8Array;
  /** Lower than IMPORT_LIMITS in tests only. */
  maxUncompressedBytes?: number;
}): Promise<ReadCatalogXlsxResult> {
  if (bytes.byteLength > IMPORT_LIMITS.maxFileBytes) {
    throw fail('BODY_TOO_LARGE', { limitBytes: IMPORT_LIMITS.maxFileBytes }, '导入文件过大');
  }
  const zipProblem = await inspectZip(bytes, maxUncompressedBytes === undefined ? {} : { maxUncompressedBytes });
  if (zipProblem)
    throw fail('IMPORT_FILE_UNREADABLE', { reason: 'notXlsx', message: zipProblem }, `无法读取导入文件：${zipProblem}`);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    throw fail('IMPORT_FILE_UNREADABLE', { reason: 'corrupt' }, '无法读取导入文件：文件已损坏或不是 Excel 工作簿');
  }

  const layout = xlsxLayout();
  const sheets = [layout.matterSheet, ...layout.childSheets, layout.jsonSheet];
  const { bound, absent } = bindSheets(workbook, sheets);

  const reader = new WorkbookReader();
  reader.readMatters(bound[0]!, layout.containers);
  refuseAbsentSheets(absent, reader.documents);
  for (const sheet of bound.slice(1, -1)) reader.readListRows(sheet);
  reader.readJsonSheet(bound[bound.length - 1]!);
  return { documents: reader.documents, sources: reader.sources, issues: reader.issues };
}

interface BoundSheet {
  sheet: XlsxSheet;
  worksheet: ExcelJS.Worksheet;
  /** Excel column number of each layout column present in the file. */
  columns: { column: XlsxColumn; index: number }[];
  keyIndex: number;
  /** 事项 sheet only: the column with the version each row was exported from, when present. */
  sourceVersionIndex?: number;
}

type LayoutProblem = {
  sheet: string;
  missingSheet?: true;
  unknownHeaders?: string[];
  duplicateHeaders?: string[];
  missingHeaders?: string[];
};

function layoutError(problems: readonly LayoutProblem[]) {
  const names = problems.map((problem) => problem.sheet).join('、');
  return fail(
    'IMPORT_FILE_UNREADABLE',
    { reason: 'layout', sheets: problems },
    `导入文件的工作表或表头不符合模板：${names}（请以导出的 Excel 为模板）`,
  );
}

/**
 * A workbook written before a sheet existed (version 1 had no 办理情形) lacks it, which means "none";
 * once a row says it was written against a version that has the sheet, a missing sheet would
 * silently empty that list on import, so the file is refused as any other missing sheet is.
 */
function refuseAbsentSheets(absent: readonly XlsxSheet[], documents: readonly PlainObject[]): void {
  const problems = absent
    .filter(({ since = 0 }) =>
      documents.some(({ metaSchemaVersion }) => !(typeof metaSchemaVersion === 'number' && metaSchemaVersion < since)),
    )
    .map(({ name }) => ({ sheet: name, missingSheet: true as const }));
  if (problems.length > 0) throw layoutError(problems);
}

/**
 * Checks sheets and headers up front; any structural problem refuses the whole file. Sheets that a
 * later meta-schema version added may be absent (`absent`; refuseAbsentSheets decides once the rows
 * say which version they were written against).
 */
function bindSheets(workbook: ExcelJS.Workbook, sheets: readonly XlsxSheet[]): { bound: BoundSheet[]; absent: XlsxSheet[] } {
  const problems: LayoutProblem[] = [];
  const bound: BoundSheet[] = [];
  const absent: XlsxSheet[] = [];
  let cells = 0;
  for (const [sheetIndex, sheet] of sheets.entries()) {
    const worksheet = [sheet.name, ...(sheet.formerNames ?? [])]
      .map((name) => workbook.getWorksheet(name))
      .find((found) => found !== undefined);
    if (!worksheet) {
      if (sheet.since === undefined) problems.push({ sheet: sheet.name, missingSheet: true });
      else absent.push(sheet);
      continue;
    }
    const byHeader = new Map(sheet.columns.map((column) => [column.header, column]));
    const seen = new Map<string, number>();
    const unknownHeaders: string[] = [];
    const duplicateHeaders: string[] = [];
    const headerRow = worksheet.getRow(1);
    let sourceVersionIndex: number | undefined;
    for (let index = 1; index <= headerRow.cellCount; index += 1) {
      const header = cellText(headerRow.getCell(index))?.trim();
      if (!header) continue;
      // Read whether or not the layout lists it: it is bookkeeping of the export, not document content.
      if (sheetIndex === 0 && header === SOURCE_VERSION_HEADER) {
        if (sourceVersionIndex === undefined) sourceVersionIndex = index;
        else duplicateHeaders.push(header);
        continue;
      }
      if (!byHeader.has(header)) unknownHeaders.push(header);
      else if (seen.has(header)) duplicateHeaders.push(header);
      else seen.set(header, index);
    }
    const keyIndex = seen.get(KEY_HEADER);
    const missingHeaders = keyIndex === undefined ? [KEY_HEADER] : [];
    if (unknownHeaders.length + duplicateHeaders.length + missingHeaders.length > 0) {
      problems.push({ sheet: sheet.name, unknownHeaders, duplicateHeaders, missingHeaders });
      continue;
    }
    cells += worksheet.rowCount * Math.max(1, seen.size);
    const columns = [...seen].map(([header, index]) => ({ column: byHeader.get(header)!, index }));
    bound.push({ sheet, worksheet, columns, keyIndex: keyIndex ?? 1, ...(sourceVersionIndex ? { sourceVersionIndex } : {}) });
  }
  if (problems.length > 0) throw layoutError(problems);
  const matterRows = Math.max(0, (bound[0]?.worksheet.rowCount ?? 0) - 1);
  if (matterRows > IMPORT_LIMITS.maxMatters + 1) {
    throw fail(
      'BODY_TOO_LARGE',
      { limit: IMPORT_LIMITS.maxMatters, actual: matterRows },
      `一次最多导入 ${IMPORT_LIMITS.maxMatters} 个事项`,
    );
  }
  if (cells > IMPORT_LIMITS.maxCells) {
    throw fail('BODY_TOO_LARGE', { limitCells: IMPORT_LIMITS.maxCells, actual: cells }, '导入文件的单元格过多');
  }
  return { bound, absent };
}

class WorkbookReader {
  readonly documents: PlainObject[] = [];
  readonly sources: (DocumentSource & { cells: Map<string, CellRef> })[] = [];
  readonly issues: ImportIssue[] = [];
  private readonly indexByCode = new Map<string, number>();

  readMatters(bound: BoundSheet, containers: readonly Container[]): void {
    const allowed = new Map(containers.map((container) => [toPointer(container.path), container]));
    for (const { row, number } of dataRows(bound)) {
      const document: PlainObject = {};
      const cells = new Map<string, CellRef>();
      const index = this.documents.length;
      for (const { column, index: at } of bound.columns) {
        if (column.header === STRUCTURE_HEADER) continue;
        this.readCell({
          bound,
          row,
          number,
          column,
          at,
          target: document,
          pointerPath: column.path,
          cells,
          matterCode: undefined,
        });
      }
      const structure = bound.columns.find(({ column }) => column.header === STRUCTURE_HEADER);
      if (structure)
        this.applyStructure(document, row.getCell(structure.index), allowed, { sheet: bound.sheet.name, row: number });
      const sourceVersion =
        bound.sourceVersionIndex === undefined
          ? undefined
          : this.readSourceVersion(row.getCell(bound.sourceVersionIndex), { sheet: bound.sheet.name, row: number });
      this.documents.push(document);
      this.sources.push({ row: number, sheet: bound.sheet.name, cells, ...(sourceVersion ? { sourceVersion } : {}) });
      const code = typeof document.code === 'string' ? document.code : undefined;
      if (code !== undefined && !this.indexByCode.has(code)) this.indexByCode.set(code, index);
    }
  }

  readListRows(bound: BoundSheet): void {
    const listPath = bound.sheet.listPath ?? [];
    const itemContainers = new Map((bound.sheet.containers ?? []).map((container) => [toPointer(container.path), container]));
    for (const { row, number } of dataRows(bound)) {
      const owner = this.ownerOf(bound, row, number);
      if (owner === undefined) continue;
      const document = this.documents[owner]!;
      const cells = this.sources[owner]!.cells;
      let list = getPath(document, listPath);
      if (!Array.isArray(list)) {
        list = [];
        setPath(document, listPath, list);
      }
      const items = list as unknown[];
      const item: PlainObject = {};
      const itemPath = [...listPath, String(items.length)];
      cells.set(toPointer(itemPath), { sheet: bound.sheet.name, row: number, column: KEY_HEADER });
      for (const { column, index: at } of bound.columns) {
        if (column.path.length === 0) continue;
        this.readCell({
          bound,
          row,
          number,
          column,
          at,
          target: item,
          pointerPath: [...itemPath, ...column.path],
          cells,
          matterCode: codeOf(document),
        });
      }
      const structure = bound.columns.find(({ column }) => column.header === STRUCTURE_HEADER);
      if (structure)
        this.applyStructure(item, row.getCell(structure.index), itemContainers, { sheet: bound.sheet.name, row: number });
      items.push(item);
    }
  }

  /** Rows with the same 实施编码 continue each other's JSON text (Excel caps a cell at 32,767 characters). */
  readJsonSheet(bound: BoundSheet): void {
    const texts = new Map<number, Map<XlsxColumn, { text: string; row: number }>>();
    for (const { row, number } of dataRows(bound)) {
      const owner = this.ownerOf(bound, row, number);
      if (owner === undefined) continue;
      const perColumn = texts.get(owner) ?? new Map<XlsxColumn, { text: string; row: number }>();
      texts.set(owner, perColumn);
      for (const { column, index: at } of bound.columns) {
        if (column.path.length === 0) continue;
        const value = readCellValue(row.getCell(at));
        if (value === undefined || typeof value === 'object') continue;
        const previous = perColumn.get(column);
        perColumn.set(column, { text: (previous?.text ?? '') + String(value), row: previous?.row ?? number });
      }
    }
    for (const [owner, perColumn] of texts) {
      const cells = this.sources[owner]!.cells;
      for (const [column, { text, row }] of perColumn) {
        const pointer = toPointer(column.path);
        cells.set(pointer, { sheet: bound.sheet.name, row, column: column.header });
        const decoded = column.codec.read(text);
        if (decoded.ok) setPath(this.documents[owner]!, column.path, decoded.value);
        else
          this.issue({
            sheet: bound.sheet.name,
            row,
            column: column.header,
            pointer,
            code: 'xlsx.invalid_value',
            message: `${column.header}${decoded.message}`,
            matterCode: codeOf(this.documents[owner]),
          });
      }
    }
  }

  private ownerOf(bound: BoundSheet, row: ExcelJS.Row, number: number): number | undefined {
    const raw = readCellValue(row.getCell(bound.keyIndex));
    const code = raw === undefined || typeof raw === 'object' ? '' : String(raw).trim();
    if (code === '') {
      this.issue({
        sheet: bound.sheet.name,
        row: number,
        column: KEY_HEADER,
        pointer: '',
        code: 'xlsx.missing_key',
        message: `${bound.sheet.name}第 ${number} 行缺少实施编码`,
      });
      return undefined;
    }
    const owner = this.indexByCode.get(code);
    if (owner === undefined) {
      this.issue({
        sheet: bound.sheet.name,
        row: number,
        column: KEY_HEADER,
        pointer: '',
        code: 'xlsx.unknown_matter',
        message: `实施编码 ${code} 不在“事项”工作表中`,
        matterCode: code,
      });
    }
    return owner;
  }

  private readCell({
    bound,
    row,
    number,
    column,
    at,
    target,
    pointerPath,
    cells,
    matterCode,
  }: {
    bound: BoundSheet;
    row: ExcelJS.Row;
    number: number;
    column: XlsxColumn;
    at: number;
    target: PlainObject;
    pointerPath: readonly string[];
    cells: Map<string, CellRef>;
    /** Unknown while the 事项 row itself is read: the code cell may come after the bad one. */
    matterCode: string | undefined;
  }): void {
    const pointer = toPointer(pointerPath);
    const ref = { sheet: bound.sheet.name, row: number, column: column.header };
    cells.set(pointer, ref);
    const value = readCellValue(row.getCell(at));
    if (value === undefined) return;
    const decoded =
      typeof value === 'object' ? { ok: false as const, message: `单元格含有错误值 ${value.error}` } : column.codec.read(value);
    if (decoded.ok) {
      if (decoded.value !== undefined) setPath(target, column.path, decoded.value);
      return;
    }
    this.issue({
      ...ref,
      pointer,
      code: 'xlsx.invalid_value',
      message: `${column.header}：${decoded.message}`,
      ...(matterCode ? { matterCode } : {}),
    });
  }

  private applyStructure(
    document: PlainObject,
    cell: ExcelJS.Cell,
    allowed: ReadonlyMap<string, Container>,
    at: { sheet: string; row: number },
  ): void {
    const value = readCellValue(cell);
    if (value === undefined || typeof value === 'object') return;
    for (const pointer of String(value).split(/\s+/).filter(Boolean)) {
      const container = allowed.get(pointer);
      if (!container) {
        this.issue({
          ...at,
          column: STRUCTURE_HEADER,
          pointer: '',
          code: 'xlsx.invalid_value',
          message: `结构标记中的“${pointer}”无法识别`,
        });
        continue;
      }
      if (getPath(document, container.path) === undefined) setPath(document, container.path, container.isList ? [] : {});
    }
  }

  /** A blank cell means "not known"; a cell that is not `v3 r5` is an error to fix, not a guess. */
  private readSourceVersion(cell: ExcelJS.Cell, at: { sheet: string; row: number }) {
    const value = readCellValue(cell);
    if (value === undefined) return undefined;
    const parsed = typeof value === 'object' ? undefined : parseSourceVersion(String(value));
    if (!parsed)
      this.issue({
        ...at,
        column: SOURCE_VERSION_HEADER,
        pointer: '',
        code: 'xlsx.invalid_value',
        message: `${SOURCE_VERSION_HEADER}应形如“v3 r5”（导出时的版本与修订号），或留空`,
      });
    return parsed;
  }

  private issue(issue: ImportIssue): void {
    this.issues.push(issue);
  }
}

function codeOf(document: unknown): string | undefined {
  return isPlainObject(document) && typeof document.code === 'string' ? document.code : undefined;
}

/** Data rows: from row 2, skipping the national-names row and rows with no value at all. */
function* dataRows(bound: BoundSheet): Generator<{ row: ExcelJS.Row; number: number }> {
  const nationalKey = bound.sheet.columns.find((column) => column.header === KEY_HEADER)?.national;
  for (let number = 2; number <= bound.worksheet.rowCount; number += 1) {
    const row = bound.worksheet.getRow(number);
    if (number === 2 && cellText(row.getCell(bound.keyIndex)) === nationalKey) continue;
    if (bound.columns.every(({ index }) => readCellValue(row.getCell(index)) === undefined)) continue;
    yield { row, number };
  }
}

function cellText(cell: ExcelJS.Cell): string | undefined {
  const value = readCellValue(cell);
  return value === undefined || typeof value === 'object' ? undefined : String(value);
}

/** Unwraps rich text, hyperlinks and formula results; blank and whitespace-only cells are absent. */
function readCellValue(cell: ExcelJS.Cell): Cell {
  return unwrap(cell.value as unknown, 0);
}

function unwrap(value: unknown, depth: number): Cell {
  if (value === null || value === undefined || depth > 3) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== 'object') return undefined;
  const object = value as Record<string, unknown>;
  if (Array.isArray(object.richText))
    return unwrap(object.richText.map((part: { text?: unknown }) => String(part.text ?? '')).join(''), depth + 1);
  if ('error' in object) return { error: String(object.error) };
  if ('result' in object) return unwrap(object.result, depth + 1);
  if ('text' in object) return unwrap(object.text, depth + 1);
  return undefined;
}
