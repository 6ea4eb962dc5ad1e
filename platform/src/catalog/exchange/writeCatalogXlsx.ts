import { once } from 'node:events';
import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { getPath, isPlainObject, toPointer } from './documentPaths';
import { formatSourceVersion, SOURCE_VERSION_HEADER, type SourceVersion } from './sourceVersion';
import { pagesOfDocuments, timeSlicer, yieldToEventLoop, type MatterPages } from './MatterPages';
import { JSON_COLUMNS, MAX_CELL_CHARS, STRUCTURE_HEADER, xlsxLayout, type Container, type XlsxSheet } from './xlsxLayout';

type Row = (string | number | boolean | undefined)[];
type SheetWriter = ReturnType<ExcelJS.stream.xlsx.WorkbookWriter['addWorksheet']>;

/** The version and revision each matter was read from, for a conflict-safe re-import. */
export type SourceRevisions = ReadonlyMap<string, SourceVersion>;

/**
 * The catalog as an Excel workbook (layout in xlsxLayout.ts): 事项 one row per matter, one sheet
 * per list (申请材料, 法律依据, 收费项目, 办理情形 …) keyed by 实施编码, and 表单与流程 with the form, UI and
 * flow as JSON text. Reading it back with readCatalogXlsx gives deep-equal documents.
 */
export async function writeCatalogXlsx({ documents }: { documents: readonly unknown[] }): Promise<Buffer> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  await streamCatalogXlsx({ pages: pagesOfDocuments(documents.filter(isPlainObject)), output });
  return Buffer.concat(chunks);
}

/**
 * The workbook as a byte stream for an HTTP reply. Writing starts when the reply is read; if the
 * client goes away, the writer stops at the next page; a failure mid-way ends the stream with it.
 */
export function catalogXlsxStream(options: { pages: MatterPages; sources?: SourceRevisions }): AsyncIterable<Buffer> {
  return {
    async *[Symbol.asyncIterator]() {
      const output = new PassThrough();
      const writing = streamCatalogXlsx({ ...options, output }).catch((error: unknown) => {
        output.destroy(error instanceof Error ? error : new Error(String(error)));
      });
      try {
        for await (const chunk of output) yield chunk as Buffer;
        await writing;
      } finally {
        output.destroy();
      }
    },
  };
}

/**
 * Writes the workbook to `output` as it goes (exceljs' streaming writer): sheet after sheet, each
 * read page by page through `pages`, so memory holds a page, not the catalog, and other requests
 * run between pages. The zip entries are written in order, which is why every sheet is a pass
 * of its own rather than one pass filling all sheets (the later ones would be buffered whole).
 */
export async function streamCatalogXlsx({
  pages,
  output,
  sources,
}: {
  pages: MatterPages;
  output: Writable;
  /** When given, the 事项 sheet gets a 来源版本 column ("v<version> r<revision>"). */
  sources?: SourceRevisions;
}): Promise<void> {
  const layout = xlsxLayout();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = '事项通 Matterflow';
  const pace = async () => {
    // A slow client must not make the writer buffer the rest of the catalog; a gone one stops it.
    if (output.writableNeedDrain) await Promise.race([once(output, 'drain'), once(output, 'close')]);
    if (output.destroyed) throw new Error('xlsx export aborted: the output was closed');
    await yieldToEventLoop();
  };
  const slice = timeSlicer();

  const matterColumns = sources
    ? [...layout.matterSheet.columns, { ...layout.matterSheet.columns[0]!, header: SOURCE_VERSION_HEADER, national: '' }]
    : layout.matterSheet.columns;
  const matterSheet = startSheet(workbook, { ...layout.matterSheet, columns: matterColumns });
  for await (const page of pages([[]])) {
    for (const { code, values } of page) {
      await slice();
      const document = values[0];
      if (!isPlainObject(document)) continue;
      const row: Row = layout.matterSheet.columns.map((column) =>
        column.header === STRUCTURE_HEADER
          ? structureMarker(document, layout.containers)
          : column.codec.write(getPath(document, column.path)),
      );
      if (sources) {
        const source = sources.get(code);
        row.push(source ? formatSourceVersion(source) : undefined);
      }
      addRow(matterSheet, layout.matterSheet, row);
    }
    await pace();
  }
  matterSheet.commit();

  for (const sheet of layout.childSheets) {
    const worksheet = startSheet(workbook, sheet);
    for await (const page of pages([sheet.listPath ?? []])) {
      for (const { code, values } of page) {
        await slice();
        const list = values[0];
        if (!Array.isArray(list)) continue;
        for (const item of list) {
          addRow(
            worksheet,
            sheet,
            sheet.columns.map((column) =>
              column.header === STRUCTURE_HEADER
                ? structureMarker(item, sheet.containers ?? [])
                : column.path.length === 0
                  ? code
                  : column.codec.write(getPath(item, column.path)),
            ),
          );
        }
      }
      await pace();
    }
    worksheet.commit();
  }

  const jsonSheet = startSheet(workbook, layout.jsonSheet);
  for await (const page of pages(JSON_COLUMNS.map(({ path }) => path))) {
    for (const { code, values } of page) {
      await slice();
      const chunks = values.map(chunk);
      const height = Math.max(0, ...chunks.map((parts) => parts.length));
      for (let i = 0; i < height; i += 1) addRow(jsonSheet, layout.jsonSheet, [code, ...chunks.map((parts) => parts[i])]);
    }
    await pace();
  }
  jsonSheet.commit();

  await workbook.commit();
}

/** Pointers of lists and objects that are present but empty, which no cell would otherwise carry. */
function structureMarker(document: unknown, containers: readonly Container[]): string | undefined {
  if (!isPlainObject(document)) return undefined;
  const empty = containers
    .map((container) => container.path)
    .filter((path) => {
      const value = getPath(document, path);
      return (Array.isArray(value) && value.length === 0) || (isPlainObject(value) && Object.keys(value).length === 0);
    });
  return empty.length > 0 ? empty.map((path) => toPointer(path)).join(' ') : undefined;
}

function chunk(value: unknown): string[] {
  if (value === undefined) return [];
  const text = JSON.stringify(value);
  const parts: string[] = [];
  for (let at = 0; at < text.length; at += MAX_CELL_CHARS) parts.push(text.slice(at, at + MAX_CELL_CHARS));
  return parts;
}

function startSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, sheet: XlsxSheet): SheetWriter {
  const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 2 }] });
  worksheet.columns = sheet.columns.map((column) => ({ width: Math.min(40, Math.max(10, column.header.length * 2 + 2)) }));
  const header = worksheet.addRow(sheet.columns.map((column) => column.header));
  header.font = { bold: true };
  header.commit();
  const national = worksheet.addRow(sheet.columns.map((column) => column.national));
  national.font = { italic: true, color: { argb: 'FF808080' } };
  national.commit();
  return worksheet;
}

function addRow(worksheet: SheetWriter, sheet: XlsxSheet, values: Row): void {
  for (const [i, value] of values.entries()) {
    if (typeof value === 'string' && value.length > MAX_CELL_CHARS) {
      throw new Error(`${sheet.name}「${sheet.columns[i]?.header ?? ''}」超过 Excel 单元格长度上限`);
    }
  }
  worksheet.addRow(values.map((value) => value ?? null)).commit();
}
