import ExcelJS from 'exceljs';
import { existsSync, readFileSync } from 'node:fs';
const schemasDir = new URL('../../../../schemas/', import.meta.url).pathname;
import { describe, expect, it } from 'vitest';
import { readCatalogXlsx } from './readCatalogXlsx';
import { writeCatalogXlsx } from './writeCatalogXlsx';

const sample = JSON.parse(readFileSync(new URL('../../../../tests/fixtures/sample-catalog.json', import.meta.url), 'utf8')) as {
  matters: Record<string, any>[];
};
const [food] = sample.matters as [Record<string, any>];
/** One matter that uses every element meta-schema 2 added. */
const everyElement = JSON.parse(
  readFileSync(new URL('../../../../tests/fixtures/every-v2-element.json', import.meta.url), 'utf8'),
) as Record<string, any>;

async function edit(bytes: Buffer, change: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  change(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function columnOf(sheet: ExcelJS.Worksheet, header: string): number {
  const row = sheet.getRow(1);
  for (let i = 1; i <= row.cellCount; i += 1) if (row.getCell(i).value === header) return i;
  throw new Error(`no column ${header}`);
}

/** The seed catalog (schemas/catalog/index.json lists its files), once it exists. */
const seedIndex = `${schemasDir}catalog/index.json`;
function seedDocuments(): unknown[] {
  const index = JSON.parse(readFileSync(seedIndex, 'utf8')) as { matters: { file: string }[] };
  return index.matters.map(({ file }) => JSON.parse(readFileSync(`${schemasDir}catalog/${file}`, 'utf8')));
}

describe('catalog xlsx', () => {
  it.skipIf(!existsSync(seedIndex))('round-trips the whole seed catalog', async () => {
    const documents = seedDocuments();
    const read = await readCatalogXlsx({ bytes: await writeCatalogXlsx({ documents }) });
    expect(read.issues).toEqual([]);
    expect(read.documents).toEqual(documents);
  });

  it('round-trips the catalog to deep-equal documents', async () => {
    // A long form exercises the continuation rows of 表单与流程 (Excel caps a cell at 32,767 characters).
    const bigForm = structuredClone(food);
    bigForm.code = `${food.department.code}0001310249999`;
    bigForm.form.schema.description = '须知'.repeat(40_000);
    const documents = [...sample.matters, bigForm];
    const read = await readCatalogXlsx({ bytes: await writeCatalogXlsx({ documents }) });
    expect(read.issues).toEqual([]);
    expect(read.documents).toEqual(documents);
  });

  it('lays out Chinese headers, national names in row 2 and names instead of codes', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeCatalogXlsx({ documents: [food] })) as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      '事项',
      '申请材料',
      '法律依据',
      '收费项目',
      '特别程序',
      '前置事项',
      '中介服务',
      '联办机构',
      '常见问题',
      '情形引导问题',
      '办理情形',
      '表单与流程',
    ]);
    const matters = workbook.getWorksheet('事项')!;
    const cell = (header: string, row = 3) => matters.getRow(row).getCell(columnOf(matters, header)).value;
    expect(cell('实施编码', 2)).toBe('task_code');
    expect(cell('法定时限单位', 2)).toBe('anticipate_type');
    expect(cell('事项类型')).toBe('行政许可');
    expect(cell('法定办结时限')).toBe(10);
    expect(cell('法定时限单位')).toBe('工作日');
    expect(cell('是否收费')).toBe('否');
    expect(cell('行使层级')).toBe('市级、县级');
    expect(cell('咨询方式')).toBe('电话：0730-5221234\n窗口：县政务服务中心一楼市场监管窗口');
    const basis = workbook.getWorksheet('法律依据')!;
    expect(basis.getRow(1).values).toEqual([
      undefined,
      '实施编码',
      '法律法规名称',
      '法规库标识',
      '效力层级',
      '依据类型',
      '文号',
      '条款号',
      '条款内容',
      '结构标记',
    ]);
    expect(basis.getRow(4).getCell(columnOf(basis, '条款号')).value).toBe('第十条、第十二条第一款');
    const materials = workbook.getWorksheet('申请材料')!;
    expect(materials.getRow(5).getCell(columnOf(materials, '办理情形（文字）')).value).toBe('委托他人代为办理的');
  });

  it('reads hand-edited cells: codes instead of names, numbers typed as text, no national row', async () => {
    const bytes = await edit(await writeCatalogXlsx({ documents: [food] }), (workbook) => {
      const sheet = workbook.getWorksheet('事项')!;
      sheet.getRow(3).getCell(columnOf(sheet, '事项类型')).value = '01';
      sheet.getRow(3).getCell(columnOf(sheet, '承诺办结时限')).value = ' 6 ';
      sheet.getRow(3).getCell(columnOf(sheet, '事项名称')).value = { richText: [{ text: '食品' }, { text: '经营许可' }] };
      sheet.spliceRows(2, 1);
    });
    const read = await readCatalogXlsx({ bytes });
    expect(read.issues).toEqual([]);
    expect(read.documents).toEqual([food]);
  });

  it('collects every cell problem with sheet, row, column and pointer', async () => {
    const bytes = await edit(await writeCatalogXlsx({ documents: sample.matters }), (workbook) => {
      const matters = workbook.getWorksheet('事项')!;
      matters.getRow(3).getCell(columnOf(matters, '事项类型')).value = '行证许可';
      matters.getRow(4).getCell(columnOf(matters, '法定办结时限')).value = '三十';
      matters.getRow(4).getCell(columnOf(matters, '是否收费')).value = '也许';
      const materials = workbook.getWorksheet('申请材料')!;
      materials.getRow(4).getCell(columnOf(materials, '份数')).value = '一份';
      materials.getRow(5).getCell(columnOf(materials, '办理情形（表单条件，JSON Schema）')).value = '{not json';
      const basis = workbook.getWorksheet('法律依据')!;
      basis.addRow(['99999999999999999X0001', '某法']);
      const json = workbook.getWorksheet('表单与流程')!;
      json.getRow(3).getCell(columnOf(json, '流程JSON')).value = '{"start":';
    });
    const read = await readCatalogXlsx({ bytes });
    expect(read.issues.map(({ sheet, row, column, pointer, code }) => ({ sheet, row, column, pointer, code }))).toEqual([
      { sheet: '事项', row: 3, column: '事项类型', pointer: '/type', code: 'xlsx.invalid_value' },
      { sheet: '事项', row: 4, column: '法定办结时限', pointer: '/timeLimits/statutory/value', code: 'xlsx.invalid_value' },
      { sheet: '事项', row: 4, column: '是否收费', pointer: '/fees/isFee', code: 'xlsx.invalid_value' },
      { sheet: '申请材料', row: 4, column: '份数', pointer: '/materials/1/copies', code: 'xlsx.invalid_value' },
      {
        sheet: '申请材料',
        row: 5,
        column: '办理情形（表单条件，JSON Schema）',
        pointer: '/materials/2/condition',
        code: 'xlsx.invalid_value',
      },
      { sheet: '法律依据', row: 9, column: '实施编码', pointer: '', code: 'xlsx.unknown_matter' },
      { sheet: '表单与流程', row: 3, column: '流程JSON', pointer: '/flow', code: 'xlsx.invalid_value' },
    ]);
    expect(read.issues[0]?.message).toContain('“行证许可”不是有效的事项类型');
    expect(read.issues[3]?.matterCode).toBe(food.code);
  });

  it.each([
    ['a text file', async () => Buffer.from('实施编码,事项名称\n1,2')],
    ['a truncated (corrupt) zip', async () => (await writeCatalogXlsx({ documents: [food] })).subarray(0, 4000)],
    [
      'some other workbook',
      async () => {
        const other = new ExcelJS.Workbook();
        other.addWorksheet('Sheet1').addRow(['姓名', '电话']);
        return Buffer.from(await other.xlsx.writeBuffer());
      },
    ],
  ])('refuses %s with IMPORT_FILE_UNREADABLE', async (_label, make) => {
    await expect(readCatalogXlsx({ bytes: await make() })).rejects.toMatchObject({ code: 'IMPORT_FILE_UNREADABLE' });
  });

  it('refuses a zip bomb before inflating it', async () => {
    const bytes = Buffer.from(await writeCatalogXlsx({ documents: [food] }));
    const central = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bytes.writeUInt32LE(0x7fffffff, central + 24);
    await expect(readCatalogXlsx({ bytes })).rejects.toMatchObject({
      code: 'IMPORT_FILE_UNREADABLE',
      details: { reason: 'notXlsx' },
    });
  });

  it('reads the 来源版本 column of the 事项 sheet into the source, not into the document', async () => {
    const second = { ...structuredClone(food), code: `${food.department.code}0001310249998` };
    const third = { ...structuredClone(food), code: `${food.department.code}0001310249997` };
    const bytes = await edit(await writeCatalogXlsx({ documents: [food, second, third] }), (workbook) => {
      const sheet = workbook.getWorksheet('事项')!;
      const at = sheet.getRow(1).cellCount + 1;
      sheet.getRow(1).getCell(at).value = '来源版本';
      sheet.getRow(3).getCell(at).value = 'v3 r5';
      sheet.getRow(5).getCell(at).value = '第三版';
    });
    const read = await readCatalogXlsx({ bytes });
    expect(read.documents).toEqual([food, second, third]);
    expect(read.sources.map((source) => source.sourceVersion)).toEqual([{ version: 3, revision: 5 }, undefined, undefined]);
    expect(read.issues).toEqual([
      expect.objectContaining({ sheet: '事项', row: 5, column: '来源版本', code: 'xlsx.invalid_value' }),
    ]);
  });

  it('refuses a missing sheet and wrong headers, naming them', async () => {
    const bytes = await edit(await writeCatalogXlsx({ documents: [food] }), (workbook) => {
      workbook.removeWorksheet(workbook.getWorksheet('收费项目')!.id);
      const materials = workbook.getWorksheet('申请材料')!;
      materials.getRow(1).getCell(columnOf(materials, '材料名称')).value = '材料名';
      const basis = workbook.getWorksheet('法律依据')!;
      basis.getRow(1).getCell(1).value = '编码';
    });
    await expect(readCatalogXlsx({ bytes })).rejects.toMatchObject({
      code: 'IMPORT_FILE_UNREADABLE',
      details: {
        reason: 'layout',
        sheets: [
          { sheet: '申请材料', unknownHeaders: ['材料名'], duplicateHeaders: [], missingHeaders: [] },
          { sheet: '法律依据', unknownHeaders: ['编码'], duplicateHeaders: [], missingHeaders: ['实施编码'] },
          { sheet: '收费项目', missingSheet: true },
        ],
      },
    });
  });

  it('carries every meta-schema 2 element, each under its Chinese title, and reads it back unchanged', async () => {
    const bytes = await writeCatalogXlsx({ documents: [everyElement] });
    const read = await readCatalogXlsx({ bytes });
    expect(read.issues).toEqual([]);
    expect(read.documents).toEqual([everyElement]);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const at = (sheetName: string, header: string, row = 3) => {
      const sheet = workbook.getWorksheet(sheetName)!;
      return sheet.getRow(row).getCell(columnOf(sheet, header)).value;
    };
    expect(at('事项', '法定办结时限-起算点')).toBe('受理之日');
    expect(at('事项', '法定办结时限-延长期限-批准人')).toBe('本行政机关负责人');
    expect(at('事项', '法定办结时限-时限依据-效力层级')).toBe('部门规章');
    expect(at('事项', '涉及公共安全、人身健康、生命财产安全')).toBe('是');
    expect(at('事项', '受理机关-部门名称')).toBe('某县市场监督管理局');
    expect(at('事项', '容缺受理-补交期限单位')).toBe('工作日');
    expect(at('事项', '行政复议-申请期限')).toBe(60);
    expect(at('事项', '网上办理地址')).toBe(everyElement.online.url);
    expect(at('事项', '内部备注（不公开）')).toBe(everyElement.privateNote);
    expect(at('法律依据', '依据类型', 5)).toBe('收费依据');
    expect(at('申请材料', '证照目录编码', 4)).toBe(everyElement.materials[1].licenceCatalogCode);
    expect(at('特别程序', '是否法定必经')).toBe('是');
    expect(at('情形引导问题', '问题标识')).toBe('venue');
    expect(at('情形引导问题', '选项')).toBe('yes：已取得\nno：尚未取得');
    expect(at('办理情形', '本情形另需提交')).toBe('agentId');
    expect(at('办理情形', '法定办结时限-法律未规定办理时限')).toBe('是');
    expect(JSON.parse(String(at('办理情形', '适用条件（引导问题的回答，JSON Schema）')))).toEqual(
      everyElement.situations[0].when,
    );
    expect(at('办理情形', '本情形免于提交', 4)).toBe('license');
    expect(at('办理情形', '本情形适用告知承诺-核查期限', 4)).toBe(30);
  });

  it('reads hand-written 选项 as one “值：文字” per line, and reports a line without the colon', async () => {
    const bytes = await edit(await writeCatalogXlsx({ documents: [everyElement] }), (workbook) => {
      const sheet = workbook.getWorksheet('情形引导问题')!;
      sheet.getRow(4).getCell(columnOf(sheet, '选项')).value = 'self: 本人办理\r\nagent ：委托代理人\n';
      sheet.getRow(3).getCell(columnOf(sheet, '选项')).value = '已取得';
    });
    const read = await readCatalogXlsx({ bytes });
    // The unreadable cell is left out (and reported); the hand-written one reads as the export wrote it.
    const { options: _unread, ...firstQuestion } = everyElement.guideQuestions[0];
    expect(read.documents[0]?.guideQuestions).toEqual([firstQuestion, everyElement.guideQuestions[1]]);
    expect(read.issues).toEqual([
      expect.objectContaining({ sheet: '情形引导问题', row: 3, column: '选项', pointer: '/guideQuestions/0/options' }),
    ]);
  });

  it('reads the workbook version 1 wrote (设定依据, no 办理情形 sheets) as the version 1 documents it holds', async () => {
    const v1 = JSON.parse(readFileSync(new URL('../../../../tests/fixtures/v1-catalog.json', import.meta.url), 'utf8')) as {
      matters: unknown[];
    };
    const read = await readCatalogXlsx({
      bytes: readFileSync(new URL('../../../../tests/fixtures/v1-catalog.xlsx', import.meta.url)),
    });
    expect(read.issues).toEqual([]);
    expect(read.documents).toEqual(v1.matters);
  });

  it('refuses a workbook of version 2 rows without the 办理情形 sheet, which would empty every matter’s situations', async () => {
    const bytes = await edit(await writeCatalogXlsx({ documents: [everyElement] }), (workbook) => {
      workbook.removeWorksheet(workbook.getWorksheet('办理情形')!.id);
    });
    await expect(readCatalogXlsx({ bytes })).rejects.toMatchObject({
      code: 'IMPORT_FILE_UNREADABLE',
      details: { reason: 'layout', sheets: [{ sheet: '办理情形', missingSheet: true }] },
    });
  });

  it('refuses more than 5,000 matters', async () => {
    const bytes = await edit(await writeCatalogXlsx({ documents: [] }), (workbook) => {
      const sheet = workbook.getWorksheet('事项')!;
      for (let i = 0; i < 5002; i += 1) sheet.addRow([`${food.department.code}${String(i).padStart(6, '0')}`]);
    });
    await expect(readCatalogXlsx({ bytes })).rejects.toMatchObject({ code: 'BODY_TOO_LARGE' });
  });
});
