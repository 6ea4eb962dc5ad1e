import { type CellCodec, cellCodecFor, jsonCodec } from './cellCodecs';
import { nationalNameAt } from './nationalMapping';
import { itemsOf, matterSchema, propertiesOf, resolveNode, titleOf, type SchemaNode } from './schemaNodes';

/**
 * The workbook layout, derived from the meta-schema: row 1 holds the Chinese titles, row 2 the
 * national field names (blank where the national table has none; readers skip row 2 when its
 * 实施编码 cell reads task_code, so a workbook without it also imports). A new meta-schema property
 * becomes a new column without touching this code.
 */
export interface XlsxColumn {
  header: string;
  national: string;
  /** Path inside the matter (事项 sheet) or inside one list item (child sheets). */
  path: readonly string[];
  codec: CellCodec;
}

export interface XlsxSheet {
  name: string;
  /** Names the sheet had in earlier workbooks, still read. */
  formerNames?: readonly string[];
  /** The meta-schema version that added the sheet: a workbook whose rows are all older may lack it. */
  since?: number;
  /** For child sheets: the list in the matter that each row adds an item to. */
  listPath?: readonly string[];
  columns: XlsxColumn[];
  /** Child sheets: lists and objects inside one item that may be present but empty. */
  containers?: Container[];
}

export const MATTER_SHEET = '事项';
export const KEY_HEADER = '实施编码';
export const STRUCTURE_HEADER = '结构标记';
export const JSON_SHEET = '表单与流程';
/** Excel refuses longer cells; 表单与流程 continues a long JSON text on the next rows. */
export const MAX_CELL_CHARS = 32_000;

/** Lists that get a sheet of their own, one row per item, in this order. */
const CHILD_SHEETS: readonly (Pick<XlsxSheet, 'name' | 'formerNames' | 'since'> & { listPath: readonly string[] })[] = [
  { name: '申请材料', listPath: ['materials'] },
  // Version 1 called the list 设定依据; version 2 holds 实施、收费… bases beside it, each with its role.
  { name: '法律依据', formerNames: ['设定依据'], listPath: ['legalBasis'] },
  { name: '收费项目', listPath: ['fees', 'items'] },
  { name: '特别程序', listPath: ['specialProcedures'] },
  { name: '前置事项', listPath: ['prerequisites'] },
  { name: '中介服务', listPath: ['intermediaryServices'] },
  { name: '联办机构', listPath: ['coDepartments'] },
  { name: '常见问题', listPath: ['questions'] },
  { name: '情形引导问题', since: 2, listPath: ['guideQuestions'] },
  { name: '办理情形', since: 2, listPath: ['situations'] },
];

/**
 * Definitions that group rather than repeat: version 2 made them definitions only so that 办理情形
 * can reuse them, and their parts have titles of their own, so their columns keep version 1's
 * headers (法定办结时限, 是否收费) instead of taking the parent's title as a prefix.
 */
const UNPREFIXED_DEFS: ReadonlySet<string> = new Set(['timeLimits', 'fees']);

/**
 * 法定办结时限 → 法定时限单位 / 法定时限说明 (version 1's headers); 申请期限 → 申请期限单位 /
 * 申请期限说明: the generic sub-titles (时限, 单位) alone would collide.
 */
function durationHeaders(title: string): { unit: string; explain: string } {
  const stem = /(办结)?时限$/.test(title) ? `${title.replace(/(办结)?时限$/, '')}时限` : title;
  return { unit: `${stem}单位`, explain: `${stem}说明` };
}

/** Large JSON documents of the matter, one text column each, on the 表单与流程 sheet. */
export const JSON_COLUMNS: readonly { header: string; path: readonly string[] }[] = [
  { header: '表单JSON', path: ['form', 'schema'] },
  { header: '界面JSON', path: ['form', 'uiSchema'] },
  { header: '流程JSON', path: ['flow'] },
];

export interface Container {
  path: string[];
  isList: boolean;
}

export interface XlsxLayout {
  matterSheet: XlsxSheet;
  childSheets: XlsxSheet[];
  jsonSheet: XlsxSheet;
  /** Objects and lists that may be present but empty; the 结构标记 column names them. */
  containers: Container[];
}

function collectColumns(
  root: SchemaNode,
  node: SchemaNode,
  prefix: readonly string[],
  headerPrefix: string,
  skip: ReadonlySet<string>,
  out: XlsxColumn[],
  containers: Container[],
  nationalBase: readonly string[],
): void {
  for (const [prop, raw] of propertiesOf(node)) {
    const path = [...prefix, prop];
    if (skip.has(path.join('/'))) continue;
    const resolved = resolveNode(root, raw);
    const title = headerPrefix + (titleOf(resolved.node) ?? prop);
    const column = (header: string, columnPath: readonly string[], codec: CellCodec): XlsxColumn => ({
      header,
      national: nationalNameAt([...nationalBase, ...columnPath]) ?? '',
      path: columnPath,
      codec,
    });
    if (resolved.kind === 'object' || resolved.kind === 'duration') {
      containers.push({ path, isList: false });
      if (resolved.kind === 'duration') {
        const props = resolved.node.properties as SchemaNode;
        const headers = durationHeaders(title);
        out.push(
          column(title, [...path, 'value'], cellCodecFor(root, resolveNode(root, props.value), title)),
          column(headers.unit, [...path, 'unit'], cellCodecFor(root, resolveNode(root, props.unit), headers.unit)),
          column(headers.explain, [...path, 'explain'], cellCodecFor(root, resolveNode(root, props.explain), headers.explain)),
        );
        // The statutory limit says more (未规定, 原文, 起算点, 延长, 依据): those parts carry its title.
        const rest = Object.fromEntries(
          Object.entries(props).filter(([prop]) => prop !== 'value' && prop !== 'unit' && prop !== 'explain'),
        );
        collectColumns(root, { properties: rest }, path, `${title}-`, skip, out, containers, nationalBase);
      } else {
        // Shared definitions (法律依据, 救济机关) repeat their sub-titles, so they carry the parent's.
        const isPrefixed = resolved.defName !== undefined && !UNPREFIXED_DEFS.has(resolved.defName);
        collectColumns(root, resolved.node, path, isPrefixed ? `${title}-` : headerPrefix, skip, out, containers, nationalBase);
      }
      continue;
    }
    const items = resolved.kind === 'objectList' ? itemsOf(root, resolved) : undefined;
    if (resolved.kind === 'objectList' || resolved.kind === 'enumList' || resolved.kind === 'stringList')
      containers.push({ path, isList: true });
    out.push(column(title, path, cellCodecFor(root, resolved, title, items)));
  }
}

function assertUniqueHeaders(sheet: XlsxSheet): XlsxSheet {
  const seen = new Set<string>();
  for (const column of sheet.columns) {
    if (seen.has(column.header)) throw new Error(`xlsx layout: header ${column.header} appears twice on sheet ${sheet.name}`);
    seen.add(column.header);
  }
  return sheet;
}

function keyColumn(): XlsxColumn {
  return {
    header: KEY_HEADER,
    national: nationalNameAt(['code']) ?? '',
    path: ['code'],
    codec: {
      write: (value) => (typeof value === 'string' ? value : undefined),
      read: (raw) => ({ ok: true, value: String(raw).trim() }),
    },
  };
}

function buildLayout(): XlsxLayout {
  const root = matterSchema();
  const skip = new Set([
    ...CHILD_SHEETS.map((sheet) => sheet.listPath.join('/')),
    ...JSON_COLUMNS.map((column) => column.path.join('/')),
  ]);
  const containers: Container[] = [];
  const columns: XlsxColumn[] = [];
  collectColumns(root, root, [], '', skip, columns, containers, []);
  const key = keyColumn();
  const matterColumns = [key, ...columns.filter((column) => column.path.join('/') !== 'code')];
  const structure: XlsxColumn = { header: STRUCTURE_HEADER, national: '', path: [], codec: jsonCodec };
  const matterSheet = assertUniqueHeaders({ name: MATTER_SHEET, columns: [...matterColumns, structure] });

  const childSheets = CHILD_SHEETS.map(({ listPath, ...sheet }) => {
    containers.push({ path: [...listPath], isList: true });
    const list = resolveNode(root, listPathSchema(root, listPath));
    const item = itemsOf(root, list);
    const itemColumns: XlsxColumn[] = [];
    const itemContainers: Container[] = [];
    collectColumns(root, item.node, [], '', new Set(), itemColumns, itemContainers, [...listPath, '*']);
    return assertUniqueHeaders({
      ...sheet,
      listPath,
      columns: [{ ...key, path: [] }, ...itemColumns, ...(itemContainers.length > 0 ? [structure] : [])],
      containers: itemContainers,
    });
  });

  const jsonSheet: XlsxSheet = {
    name: JSON_SHEET,
    columns: [
      { ...key, path: [] },
      ...JSON_COLUMNS.map(({ header, path }) => ({ header, path, national: nationalNameAt(path) ?? '', codec: jsonCodec })),
    ],
  };
  return { matterSheet, childSheets, jsonSheet, containers };
}

function listPathSchema(root: SchemaNode, path: readonly string[]): unknown {
  let node: unknown = root;
  for (const segment of path) node = (resolveNode(root, node).node.properties as SchemaNode | undefined)?.[segment];
  return node;
}

let layout: XlsxLayout | undefined;

export function xlsxLayout(): XlsxLayout {
  layout ??= buildLayout();
  return layout;
}
