import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { matterSchema, nationalNameOf, propertiesOf, resolveNode, type SchemaNode } from './schemaNodes';
import { fromNationalRecord, nationalNameAt, toNationalRecord } from './nationalMapping';

const sample = JSON.parse(readFileSync(new URL('../../../../tests/fixtures/sample-catalog.json', import.meta.url), 'utf8')) as {
  matters: Record<string, any>[];
};
const [food, property] = sample.matters as [Record<string, any>, Record<string, any>];
const everyElement = JSON.parse(
  readFileSync(new URL('../../../../tests/fixtures/every-v2-element.json', import.meta.url), 'utf8'),
) as Record<string, any>;

describe('national mapping', () => {
  it('round-trips every sample matter through a national record (and through JSON text)', () => {
    for (const document of sample.matters) {
      const record = JSON.parse(JSON.stringify(toNationalRecord({ document, version: 3, status: 'published' })));
      expect(fromNationalRecord({ record })).toEqual(document);
    }
  });

  it('carries every meta-schema 2 element: national fields where the table has one, the rest in matterflow_ext', () => {
    const { privateNote, ...published } = everyElement;
    const record = toNationalRecord({ document: everyElement });
    expect(record).toMatchObject({ anticipate_day: 10, anticipate_type: '1', promise_explain: '承诺6个工作日办结' });
    expect(record.by_law).toContainEqual(
      expect.objectContaining({
        law_name: '中华人民共和国食品安全法',
        matterflow_ext: { lawId: 'food-safety-law', level: 'law', role: 'set' },
      }),
    );
    expect(record.matterflow_ext).toMatchObject({
      publicSafety: true,
      acceptingBody: everyElement.acceptingBody,
      decidingBody: everyElement.decidingBody,
      commitment: everyElement.commitment,
      toleratedAcceptance: everyElement.toleratedAcceptance,
      situations: everyElement.situations,
      guideQuestions: everyElement.guideQuestions,
      timeLimits: { statutory: { anchor: 'accepted', asWritten: '十个工作日' } },
    });
    // Internal notes never leave the centre through the national format, not even in the extension.
    expect(JSON.stringify(record)).not.toContain(privateNote);
    expect(fromNationalRecord({ record: JSON.parse(JSON.stringify(record)) })).toEqual(published);
  });

  it('writes national names, codes and encodings', () => {
    const record = toNationalRecord({ document: food, version: 3, status: 'published' });
    expect(record).toMatchObject({
      task_code: food.code,
      catalog_code: '000131024000',
      task_name: '食品经营许可',
      task_type: '01',
      dept_code: food.department.code,
      dept_name: '某县市场监督管理局',
      dept_type: '1',
      power_source: '1',
      use_level: '3,4',
      server_type: '2,5',
      project_type: '2',
      handle_type: '1,2,3',
      anticipate_day: 10,
      anticipate_type: '1',
      anticipate_explain: '经负责人批准可延长5个工作日',
      promise_day: 6,
      promise_type: '1',
      is_fee: '0',
      online_handle_depth: '1,2,3,4,5,6,7',
      is_entry_center: '1',
      is_express: '1',
      limit_scene_num: 0,
      handle_area: '3',
      transact_addr: '某县政务服务中心一楼 A12 窗口',
      result_type: '证照',
      task_version: 3,
      task_state: 'published',
    });
    expect(record.by_law).toEqual([
      expect.objectContaining({ law_name: '中华人民共和国食品安全法', law_article: '第三十五条' }),
      expect.objectContaining({ law_article: '第十条、第十二条第一款' }),
    ]);
    expect((record.materials as any[])[0]).toMatchObject({
      material_name: '食品经营许可申请书',
      material_type: '原件',
      page_num: 1,
      page_format: 'A4',
      is_need: '必要',
      source_type: '在线填报',
      accept_stand: '内容完整、签字盖章齐全',
    });
    expect(record.handle_flow).toEqual(food.flow);
    const fees = toNationalRecord({ document: property }).fee_project as any[];
    expect(fees[0]).toMatchObject({
      fee_name: '不动产登记费（住宅）',
      fee_stand: '80元/件',
      is_desc: '1',
      desc_explain: '小微企业免收',
      by_law: { law_doc_no: '发改价格规〔2016〕2559号' },
    });
  });

  it('reads records from other systems: names instead of codes, text numbers, 是/否, other separators', () => {
    const document = fromNationalRecord({
      record: {
        task_code: food.code,
        task_name: '食品经营许可',
        task_type: '行政许可',
        dept_code: food.department.code,
        dept_name: '某县市场监督管理局',
        use_level: '市级、县级',
        is_fee: '否',
        anticipate_day: '20',
        anticipate_type: '2',
        promise_day: 15,
        promise_type: '工作日',
        handle_flow: JSON.stringify(food.flow),
        task_guid: 'ignored-foreign-field',
      },
    });
    expect(document).toEqual({
      metaSchemaVersion: 2,
      code: food.code,
      name: '食品经营许可',
      type: '01',
      department: { code: food.department.code, name: '某县市场监督管理局' },
      levels: ['3', '4'],
      fees: { isFee: false },
      timeLimits: { statutory: { value: 20, unit: 'day' }, promised: { value: 15, unit: 'workday' } },
      flow: food.flow,
    });
  });

  it('keeps unreadable values as they came so the meta-schema reports them', () => {
    const document = fromNationalRecord({ record: { task_type: '行证许可', anticipate_type: '9', is_fee: '也许' } }) as any;
    expect(document.type).toBe('行证许可');
    expect(document.timeLimits.statutory.unit).toBe('9');
    expect(document.fees.isFee).toBe('也许');
  });

  it('covers every x-national annotation of the meta-schema', () => {
    const root = matterSchema();
    const missing: string[] = [];
    const walk = (node: SchemaNode, path: string[]) => {
      for (const [prop, raw] of propertiesOf(node)) {
        const resolved = resolveNode(root, raw);
        const national = nationalNameOf(resolved.node);
        const at = [...path, prop];
        if (national && resolved.kind !== 'duration' && nationalNameAt(at) !== national)
          missing.push(`${at.join('/')}→${national}`);
        if (resolved.kind === 'object') walk(resolved.node, at);
        // A list the national table has no field for (办理情形) travels whole in the extension.
        if (resolved.kind === 'objectList' && nationalNameAt(at) !== undefined)
          walk(resolveNode(root, resolved.node.items).node, [...at, '*']);
      }
    };
    walk(root, []);
    expect(missing).toEqual([]);
    expect(nationalNameAt(['timeLimits', 'statutory', 'unit'])).toBe('anticipate_type');
  });
});
