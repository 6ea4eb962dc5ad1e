import { describe, expect, it } from 'vitest';
import food from '../../catalog/matters/scjg/shipin-jingying-xuke.json' with { type: 'json' };
import internetCafe from '../../catalog/matters/wlgt/wangba-sheli-shenpi.json' with { type: 'json' };
import { labelOf } from '../codeLabels';
import { CHANGE_SECTIONS } from './sections';
import { describeChanges } from './describeChanges';

type Doc = Record<string, any>;
const copy = (document: object): Doc => structuredClone(document) as Doc;
const texts = (from: unknown, to: unknown) => describeChanges(from, to).map((line) => line.text);
const material = (id: string, name: string) => ({
  id,
  name,
  type: '原件',
  format: '电子',
  copies: 1,
  necessity: '必要',
  source: '申请人自备',
});

describe('describeChanges on the seed 食品经营许可', () => {
  it('says nothing for the same document', () => {
    expect(describeChanges(food, copy(food))).toEqual([]);
  });

  it('names materials, limits, fees and form fields the way a clerk says them', () => {
    const next = copy(food);
    next.timeLimits.promised.value = 5;
    next.materials.push(material('applicationCopy', '食品经营许可申请书副本'));
    next.materials = next.materials.filter((m: Doc) => m.id !== 'safetyRules');
    next.fees = { isFee: true, items: [{ name: '工本费', standard: '每证 10 元' }] };
    next.form.schema.properties.contactPhone = { type: 'string', title: '联系电话' };
    delete next.form.schema.properties.premisesArea;
    const lines = describeChanges(food, next);
    expect(lines).toEqual(
      expect.arrayContaining([
        { section: '申请材料', pointer: '/materials/7', text: '申请材料 新增：《食品经营许可申请书副本》' },
        {
          section: '申请材料',
          pointer: '/materials/5',
          text: expect.stringMatching(/^申请材料 删除：《食品安全自查.*规章制度》$/),
        },
        { section: '时限', pointer: '/timeLimits/promised', text: '承诺时限 由 6 个工作日 改为 5 个工作日' },
        { section: '收费', pointer: '/fees/isFee', text: '收费 由 不收费 改为 收费' },
        { section: '收费', pointer: '/fees/items', text: '收费 新增：「工本费」' },
        { section: '表单', pointer: '/form/schema/properties/contactPhone', text: '表单 新增字段：联系电话' },
        { section: '表单', pointer: '/form/schema/properties/premisesArea', text: '表单 删除字段：经营场所面积（平方米）' },
      ]),
    );
    expect(lines).toHaveLength(7);
  });

  it('groups lines by the editor sections in their order', () => {
    const next = copy(food);
    next.form.schema.properties.enterpriseName.title = '经营者名称（新）';
    next.timeLimits.statutory.value = 20;
    next.name = '食品经营许可（新）';
    next.materials[0].name = '申请书';
    const sections = describeChanges(food, next).map((line) => line.section);
    expect(sections).toEqual(['基本信息', '申请材料', '时限', '表单']);
    expect(sections).toEqual([...sections].sort((a, b) => CHANGE_SECTIONS.indexOf(a) - CHANGE_SECTIONS.indexOf(b)));
  });

  it('tells a rename, a changed condition and a changed part of a kept material apart from add and remove', () => {
    const next = copy(food);
    next.materials[0].name = '食品经营许可申请书（2026 版）';
    next.materials[1].copies = 2;
    next.materials.find((m: Doc) => m.id === 'authLetter').condition = { properties: { byAgent: { const: false } } };
    expect(texts(food, next)).toEqual([
      '申请材料《食品经营许可申请书》改名为《食品经营许可申请书（2026 版）》',
      '申请材料《营业执照或其他主体资格证明文件》·份数 由 0 改为 2',
      '申请材料《授权委托书》·适用情形 由 「是否委托代理人办理为是」 改为 「是否委托代理人办理为否」',
    ]);
  });

  it('says the 设定依据 by law and article, and an added 实施依据 under its own role', () => {
    const next = copy(food);
    next.legalBasis[0].articles.push('第三十六条');
    next.legalBasis.push({ lawName: '食品经营许可和备案管理办法', role: 'implement', articles: ['第十条'] });
    expect(describeChanges(food, next)).toEqual([
      {
        section: '设定依据',
        pointer: '/legalBasis/0/articles/1',
        text: '设定依据《中华人民共和国食品安全法》·条款号 新增：“第三十六条”',
      },
      { section: '设定依据', pointer: '/legalBasis/1', text: '实施依据 新增：《食品经营许可和备案管理办法》第十条' },
    ]);
  });

  it('says a field rule, a required flag and a layout change of the form', () => {
    const next = copy(food);
    next.form.schema.properties.premisesArea.maximum = 100000;
    next.form.schema.required = next.form.schema.required.filter((key: string) => key !== 'phone');
    next.form.uiSchema = { ...next.form.uiSchema, 'ui:order': ['*'] };
    expect(texts(food, next)).toEqual([
      expect.stringMatching(/^表单 字段「.+」改为选填$/),
      '表单 字段「经营场所面积（平方米）」的填写要求有修改',
      '表单 界面布局有修改',
    ]);
  });

  it('never drops a change: a part no describer knows is named by its meta-schema title and pointer', () => {
    const next = copy(food);
    next.online.isExpress = !next.online.isExpress;
    next.acceptCondition = `${next.acceptCondition}（另：申请人应当具有与食品经营相适应的专业技术人员）`;
    next.flow.nodes[1].budgetDays = 3;
    next.somethingNew = '尚无';
    expect(describeChanges(food, next)).toEqual([
      { section: '基本信息', pointer: '/acceptCondition', text: '受理条件 已修改' },
      { section: '基本信息', pointer: '/somethingNew', text: 'somethingNew 新增：“尚无”' },
      {
        section: '流程',
        pointer: '/flow/nodes/1/budgetDays',
        text: '流程环节「材料审查及现场核查」·环节时限（工作日） 由 4 改为 3',
      },
      {
        section: '结果与渠道',
        pointer: '/online/isExpress',
        text: `办理渠道·是否支持物流快递 由 ${food.online.isExpress ? '是' : '否'} 改为 ${food.online.isExpress ? '否' : '是'}`,
      },
    ]);
  });

  it('says a limit the law leaves open, and a limit decided on the spot', () => {
    const next = copy(food);
    next.timeLimits.statutory = { unspecified: true };
    next.timeLimits.promised = { value: 0, unit: 'workday' };
    expect(texts(food, next)).toEqual([
      '法定时限 由 10 个工作日 改为 法律未规定',
      '法定时限·时限说明 删除',
      '承诺时限 由 6 个工作日 改为 当场办结',
      '承诺时限·时限说明 删除',
    ]);
  });

  it('says code values by their Chinese names', () => {
    const next = copy(food);
    next.timeLimits.promised.unit = 'day';
    next.online.depth = [...food.online.depth.filter((value: string) => value !== '4')];
    expect(texts(food, next)).toEqual([
      '承诺时限 由 6 个工作日 改为 6 日',
      `办理渠道·网上办理深度 删除：${labelOf('onlineDepth', '4')}`,
    ]);
  });
});

describe('describeChanges on 办理情形 (网吧设立审批)', () => {
  it('names situations, their materials and their conditions in words', () => {
    const next = copy(internetCafe);
    const [prep, final] = next.situations;
    prep.materials = { ...prep.materials, add: [...(prep.materials?.add ?? []), 'businessLicence'] };
    final.when = { properties: { stage: { const: 'prep' } } };
    next.situations.push({ id: 'chain', name: '连锁经营', when: { properties: { stage: { const: 'final' } } } });
    expect(describeChanges(internetCafe, next)).toEqual([
      {
        section: '办理情形',
        pointer: '/situations/0/materials/add',
        text: expect.stringMatching(/^办理情形「申请筹建」·本情形另需提交 新增：《营业执照.*》$/),
      },
      {
        section: '办理情形',
        pointer: '/situations/1/when',
        text: '办理情形「申请最终审核」·适用条件（引导问题） 由 「您现在申请的是哪个阶段：筹建完成，申请最终审核」 改为 「您现在申请的是哪个阶段：申请筹建」',
      },
      { section: '办理情形', pointer: '/situations/2', text: '办理情形 新增：「连锁经营」' },
    ]);
  });

  it('reads a document that fails its meta-schema without throwing', () => {
    expect(texts({ materials: 'not a list', timeLimits: { promised: { value: 'x' } } }, internetCafe).length).toBeGreaterThan(5);
    expect(texts(null, {})).toEqual([]);
  });
});
