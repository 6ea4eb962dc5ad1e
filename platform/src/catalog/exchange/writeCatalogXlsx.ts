import ExcelJS from 'exceljs';
import { getPath, isPlainObject, toPointer } from './documentPaths';
import { JSON_COLUMNS, MAX_CELL_CHARS, STRUCTURE_HEADER, xlsxLayout, type Container, type XlsxSheet } from './xlsxLayout';

type Row = (string | number | boolean | undefined)[];

/**
 * The catalog as an Excel workbook (layout in xlsxLayout.ts): 事项 one row per matter, one sheet
 * per list (申请材料, 设定依据, 收费项目 …) keyed by 实施编码, and 表单与流程 with the form, UI and
 * flow as JSON text. Reading it back with readCatalogXlsx gives deep-equal documents.
 */
export async function writeCatalogXlsx({ documents }: { documents: readonly unknown[] }): Promise<Buffer> {
  const layout = xlsxLayout();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '事项通 Matterflow';
  const matters = documents.filter(isPlainObject);

  addSheet(
    workbook,
    layout.matterSheet,
    matters.map((document) =>
      layout.matterSheet.columns.map((column) =>
        column.header === STRUCTURE_HEADER
          ? structureMarker(document, layout.containers)
          : column.codec.write(getPath(document, column.path)),
      ),
    ),
  );

  for (const sheet of layout.childSheets) {
    const rows: Row[] = [];
    for (const document of matters) {
      const list = getPath(document, sheet.listPath ?? []);
      if (!Array.isArray(list)) continue;
      for (const item of list) {
        rows.push(
          sheet.columns.map((column) =>
            column.path.length === 0 ? String(document.code ?? '') : column.codec.write(getPath(item, column.path)),
          ),
        );
      }
    }
    addSheet(workbook, sheet, rows);
  }

  const jsonRows: Row[] = [];
  for (const document of matters) {
    const chunks = JSON_COLUMNS.map(({ path }) => chunk(getPath(document, path)));
    const height = Math.max(0, ...chunks.map((parts) => parts.length));
    for (let i = 0; i < height; i += 1) jsonRows.push([String(document.code ?? ''), ...chunks.map((parts) => parts[i])]);
  }
  addSheet(workbook, layout.jsonSheet, jsonRows);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Pointers of lists and objects that are present but empty, which no cell would otherwise carry. */
function structureMarker(document: Record<string, unknown>, containers: readonly Container[]): string | undefined {
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

function addSheet(workbook: ExcelJS.Workbook, sheet: XlsxSheet, rows: Row[]): void {
  const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 2 }] });
  worksheet.columns = sheet.columns.map((column) => ({ width: Math.min(40, Math.max(10, column.header.length * 2 + 2)) }));
  const header = worksheet.addRow(sheet.columns.map((column) => column.header));
  header.font = { bold: true };
  const national = worksheet.addRow(sheet.columns.map((column) => column.national));
  national.font = { italic: true, color: { argb: 'FF808080' } };
  for (const values of rows) {
    for (const [i, value] of values.entries()) {
      if (typeof value === 'string' && value.length > MAX_CELL_CHARS) {
        throw new Error(`${sheet.name}「${sheet.columns[i]?.header ?? ''}」超过 Excel 单元格长度上限`);
      }
    }
    worksheet.addRow(values.map((value) => value ?? null));
  }
}
