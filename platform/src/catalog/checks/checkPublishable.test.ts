import { describe, expect, it } from 'vitest';
import { makeUscc } from '../../departments';
import type { Flow, FlowNext, FlowStep, TaskNode } from '../../flows';
import { checkPublishable } from './checkPublishable';
import { WorkCalendar } from '@matterflow/schemas';
import { stateCouncilNotices } from '../../../../schemas/src/calendar/stateCouncilNotices.fixture';
import { compareLimits } from '../rules';

type Doc = Record<string, unknown>;

const SAMR = makeUscc({ prefix: '11', region: '439901', orgBody: '00601001' });
const FIRE = makeUscc({ prefix: '11', region: '439901', orgBody: '00601002' });
const HEALTH = makeUscc({ prefix: '11', region: '439901', orgBody: '00601003' });
const KNOWN = new Set([SAMR, FIRE, HEALTH]);

function legalRef(lawName: string, ...articles: string[]): Doc {
  return articles.length > 0 ? { lawName, articles } : { lawName };
}

function material(id: string, name: string, extra: Doc = {}): Doc {
  return {
    id,
    name,
    type: '原件',
    format: '纸质或电子',
    copies: 1,
    necessity: '必要',
    source: '申请人自备',
    acceptStandard: '内容完整、签章齐全',
    ...extra,
  };
}

function field(title: string, type: 'string' | 'boolean' | 'number' = 'string'): Doc {
  return { title, type };
}

function formOf(properties: Record<string, Doc>, required: string[]): Doc {
  return { schema: { type: 'object', properties, required }, uiSchema: {} };
}

function step(id: string, name: string, overrides: Partial<FlowStep> = {}): FlowStep {
  return { id, name, role: 'reviewer', budgetDays: 1, actions: ['approve', 'return'], ...overrides };
}

function task(id: string, name: string, next: FlowNext, overrides: Partial<TaskNode> = {}): TaskNode {
  return { ...step(id, name), kind: 'task', next, ...overrides };
}

function limits(statutory: number, promised: number): Doc {
  return { statutory: { value: statutory, unit: 'workday' }, promised: { value: promised, unit: 'workday' } };
}

/** 食品经营许可 (食品安全法 第三十五条), 10 working days by law, 6 promised, 承诺件. */
function foodLicenceMatter(): Doc {
  const flow: Flow = {
    start: 'accept',
    nodes: [
      task('accept', '窗口受理', 'review', { role: 'window', actions: ['accept', 'reject', 'supplement'] }),
      task(
        'review',
        '材料审查',
        {
          cases: [
            {
              when: { properties: { isOnSiteCheckNeeded: { const: true } }, required: ['isOnSiteCheckNeeded'] },
              to: 'siteCheck',
            },
          ],
          otherwise: 'decide',
        },
        { budgetDays: 3 },
      ),
      task('siteCheck', '现场核查', 'decide', { actions: ['approve', 'specialProcedure'], specialProcedures: ['现场核查'] }),
      task('decide', '审批决定', 'end', { role: 'chief', actions: ['decide', 'deny'] }),
    ],
  };
  return {
    metaSchemaVersion: 2,
    code: `${SAMR}4000131024000`,
    catalogCode: '000131024000',
    name: '食品经营许可',
    type: '01',
    department: { code: SAMR, name: '某县市场监督管理局', nature: '1' },
    projectType: '2',
    legalBasis: [legalRef('中华人民共和国食品安全法', '第三十五条')],
    timeLimits: limits(10, 6),
    specialProcedures: [{ name: '现场核查', kind: 'siteSurvey', maxDays: 5, unit: 'workday', isCounted: true }],
    fees: { isFee: false },
    materials: [
      material('application', '食品经营许可申请书'),
      material('businessLicence', '营业执照', { source: '调取电子证照库' }),
      material('premisesProof', '经营场所使用证明'),
      material('agentLetter', '授权委托书', {
        condition: { properties: { isByAgent: { const: true } }, required: ['isByAgent'] },
        conditionText: '委托代理人办理的',
      }),
    ],
    form: formOf(
      {
        businessName: field('经营者名称'),
        premisesAddress: field('经营场所'),
        isByAgent: field('是否委托代理人', 'boolean'),
        isOnSiteCheckNeeded: field('是否需现场核查', 'boolean'),
      },
      ['businessName', 'premisesAddress'],
    ),
    flow,
  };
}

/** 个体工商户设立登记 as 即办件 (市场主体登记管理条例 第十九条: registered on the spot). */
function individualBusinessMatter(): Doc {
  return {
    ...foodLicenceMatter(),
    code: `${SAMR}4000131128000`,
    catalogCode: '000131128000',
    name: '个体工商户设立登记',
    projectType: '1',
    legalBasis: [
      legalRef('市场主体登记管理条例', '第三条', '第十六条', '第十九条'),
      legalRef('促进个体工商户发展条例', '第二条'),
    ],
    timeLimits: limits(3, 0),
    specialProcedures: [],
    materials: [material('application', '个体工商户登记（备案）申请书'), material('operatorId', '经营者身份证明')],
    form: formOf({ operatorName: field('经营者姓名'), tradeName: field('名称'), businessScope: field('经营范围') }, [
      'operatorName',
      'businessScope',
    ]),
    flow: {
      start: 'register',
      nodes: [
        task('register', '登记办结', 'end', {
          role: 'window',
          budgetDays: 0,
          actions: ['accept', 'reject', 'supplement', 'complete'],
        }),
      ],
    },
  };
}

/** 公众聚集场所投入使用、营业前消防安全检查 (消防法 第十五条), 消防 leading, 卫生 joining when air-conditioned. */
function fireSafetyMatter(): Doc {
  const flow: Flow = {
    start: 'accept',
    nodes: [
      task('accept', '窗口受理', 'joint', { role: 'window', actions: ['accept', 'reject', 'supplement'] }),
      {
        id: 'joint',
        kind: 'parallel',
        name: '联合审查',
        lead: '$owner',
        completion: 'all',
        next: 'decide',
        branches: [
          {
            id: 'fireBranch',
            name: '消防检查',
            department: '$owner',
            steps: [step('fireInspect', '消防现场检查', { budgetDays: 5 })],
          },
          {
            id: 'healthBranch',
            name: '卫生审查',
            department: HEALTH,
            condition: { properties: { hasCentralAirConditioning: { const: true } }, required: ['hasCentralAirConditioning'] },
            steps: [step('healthReview', '集中空调卫生审查', { department: HEALTH, budgetDays: 3 })],
          },
        ],
      },
      task('decide', '审批决定', 'end', { role: 'chief', actions: ['decide', 'deny'] }),
    ],
  };
  return {
    metaSchemaVersion: 2,
    code: `${FIRE}4000122011000`,
    name: '公众聚集场所投入使用、营业前消防安全检查',
    type: '01',
    department: { code: FIRE, name: '某县消防救援大队' },
    projectType: '2',
    legalBasis: [legalRef('中华人民共和国消防法', '第十五条')],
    timeLimits: limits(10, 10),
    fees: { isFee: false },
    materials: [
      material('application', '公众聚集场所投入使用、营业前消防安全检查申请表'),
      material('commitment', '消防安全告知承诺书'),
    ],
    form: formOf(
      {
        venueName: field('场所名称'),
        floorArea: field('建筑面积（平方米）', 'number'),
        hasCentralAirConditioning: field('是否设有集中空调', 'boolean'),
      },
      ['venueName'],
    ),
    flow,
  };
}

function without(doc: Doc, ...keys: string[]): Doc {
  return Object.fromEntries(Object.entries(doc).filter(([key]) => !keys.includes(key)));
}

function check(document: unknown) {
  return checkPublishable({ document, knownDepartments: KNOWN });
}

function codesOf(document: unknown): string[] {
  return check(document).map((issue) => issue.code);
}

describe('checkPublishable', () => {
  it('finds nothing wrong with clean 食品经营许可, 个体工商户设立登记 (即办件) and 消防安全检查 documents', () => {
    expect(check(foodLicenceMatter())).toEqual([]);
    expect(check(individualBusinessMatter())).toEqual([]);
    expect(check(fireSafetyMatter())).toEqual([]);
  });

  it('lists meta-schema errors first, then every publish defect it can still check', () => {
    const doc = { ...without(foodLicenceMatter(), 'legalBasis'), handlingNotes: '旧系统遗留字段' };
    const issues = check(doc);
    expect(issues[0]).toMatchObject({ pointer: '/handlingNotes', code: 'schema.additionalProperties' });
    expect(issues.slice(1).map((issue) => issue.code)).toEqual(['basis.missing']);
  });

  it('does not walk a flow that fails its schema, but still checks the rest', () => {
    const doc = { ...foodLicenceMatter(), flow: { start: 'accept', nodes: [] }, timeLimits: limits(10, 12) };
    const codes = codesOf(doc);
    expect(codes).toContain('schema.minItems');
    expect(codes).toContain('limit.promise_exceeds_statutory');
    expect(codes.some((code) => code.startsWith('flow.'))).toBe(false);
  });

  it('rejects a value that is not a document at all', () => {
    expect(check(['食品经营许可'])).toEqual([{ pointer: '/', code: 'schema.type', message: '事项文档应为对象' }]);
  });

  it('basis.missing: no legal basis, or an empty list', () => {
    expect(check(without(foodLicenceMatter(), 'legalBasis'))).toEqual([
      { pointer: '/legalBasis', code: 'basis.missing', message: '缺少设定依据：发布前至少需要一条法律法规依据' },
    ]);
    expect(codesOf({ ...foodLicenceMatter(), legalBasis: [] })).toEqual(['basis.missing']);
  });

  it('basis.article_missing: a basis entry without an article number points at that entry', () => {
    const doc = {
      ...individualBusinessMatter(),
      legalBasis: [legalRef('市场主体登记管理条例', '第十九条'), legalRef('促进个体工商户发展条例')],
    };
    expect(check(doc)).toEqual([
      {
        pointer: '/legalBasis/1/articles',
        code: 'basis.article_missing',
        message: '依据《促进个体工商户发展条例》未注明条款号（如“第三十五条”）',
      },
    ]);
  });

  it('publish.time_limits_missing: statutory and promised limits are both required', () => {
    expect(check({ ...foodLicenceMatter(), timeLimits: { promised: { value: 6, unit: 'workday' } } })).toEqual([
      { pointer: '/timeLimits/statutory', code: 'publish.time_limits_missing', message: '缺少法定办结时限' },
    ]);
    expect(check(without(foodLicenceMatter(), 'timeLimits')).map((issue) => issue.pointer)).toEqual([
      '/timeLimits/statutory',
      '/timeLimits/promised',
    ]);
  });

  it('limit.unit_missing: a limit without 工作日/自然日/月', () => {
    const doc = { ...foodLicenceMatter(), timeLimits: { statutory: { value: 10, unit: 'workday' }, promised: { value: 6 } } };
    expect(check(doc)).toEqual([
      {
        pointer: '/timeLimits/promised/unit',
        code: 'limit.unit_missing',
        message: '承诺办结时限未注明单位（工作日、自然日或月）',
      },
    ]);
  });

  it('limit.promise_exceeds_statutory: the promise may only shorten the statutory limit', () => {
    expect(check({ ...foodLicenceMatter(), timeLimits: limits(10, 12) })).toEqual([
      {
        pointer: '/timeLimits/promised/value',
        code: 'limit.promise_exceeds_statutory',
        message: '承诺办结时限 12 个工作日，超过法定办结时限 10 个工作日',
      },
    ]);
  });

  it('compares limits across units on the calendar’s worst case (one compareDurations for publishing and the report)', () => {
    const calendar = new WorkCalendar(stateCouncilNotices);
    const cases: [number, 'workday' | 'day' | 'month', number, 'workday' | 'day' | 'month', boolean][] = [
      [20, 'workday', 20, 'workday', false],
      [21, 'workday', 20, 'workday', true],
      // 6 working days never fit in 7 days; across 国庆 2025 they take 15.
      [6, 'workday', 7, 'day', true],
      [20, 'workday', 20, 'day', true],
      [25, 'day', 20, 'workday', false],
      [2, 'month', 1, 'month', true],
      [1, 'month', 30, 'day', true],
      [2, 'month', 45, 'day', true],
      [31, 'workday', 1, 'month', true],
      [28, 'day', 1, 'month', false],
      // A 31-day month holds more than 20 working days.
      [1, 'month', 20, 'workday', true],
      [1, 'month', 30, 'workday', false],
      [23, 'workday', 1, 'month', true],
      [15, 'workday', 1, 'month', false],
    ];
    for (const [promisedValue, promisedUnit, statutoryValue, statutoryUnit, expected] of cases) {
      const verdict = compareLimits(
        { value: promisedValue, unit: promisedUnit },
        { value: statutoryValue, unit: statutoryUnit },
        calendar,
      )?.exceeds;
      expect([promisedValue, promisedUnit, statutoryValue, statutoryUnit, verdict]).toEqual([
        promisedValue,
        promisedUnit,
        statutoryValue,
        statutoryUnit,
        expected,
      ]);
    }
  });

  it('limit.promise_exceeds_statutory across units names the start day where the promise overruns', () => {
    const calendar = new WorkCalendar(stateCouncilNotices);
    const doc = {
      ...foodLicenceMatter(),
      timeLimits: { statutory: { value: 7, unit: 'day' }, promised: { value: 6, unit: 'workday' } },
    };
    const [issue, ...rest] = checkPublishable({ document: doc, knownDepartments: KNOWN, calendar }).filter(
      (found) => found.code === 'limit.promise_exceeds_statutory',
    );
    expect(rest).toEqual([]);
    expect(issue?.pointer).toBe('/timeLimits/promised/value');
    expect(issue?.message).toMatch(
      /^承诺办结时限 6 个工作日，超过法定办结时限 7 日（如 20\d\d-\d\d-\d\d 起算：承诺时限至 .* 届满，法定时限至 .* 届满）$/,
    );
  });

  it('limit.instant_nonzero: a 即办件 promises 0', () => {
    const doc = { ...individualBusinessMatter(), timeLimits: limits(3, 1) };
    expect(check(doc)).toEqual([
      {
        pointer: '/timeLimits/promised/value',
        code: 'limit.instant_nonzero',
        message: '即办件应当场办结，承诺办结时限应为 0，当前为 1 个工作日',
      },
    ]);
  });

  it('publish.project_type_missing: 即办件 or 承诺件 must be stated', () => {
    expect(check(without(foodLicenceMatter(), 'projectType'))).toEqual([
      { pointer: '/projectType', code: 'publish.project_type_missing', message: '缺少办件类型（即办件或承诺件）' },
    ]);
  });

  it('publish.form_missing: no intake form', () => {
    const doc = without(foodLicenceMatter(), 'form');
    expect(check(doc)).toEqual([{ pointer: '/form', code: 'publish.form_missing', message: '缺少申请表单' }]);
  });

  it('publish.form_invalid: a form schema that does not compile, or is not an object', () => {
    const broken = {
      ...foodLicenceMatter(),
      form: { schema: { type: 'object', properties: { businessName: { type: 'text' } } } },
    };
    const issues = check(broken);
    expect(issues[0]).toMatchObject({ pointer: '/form/schema/properties/businessName/type', code: 'publish.form_invalid' });
    expect(issues.every((issue) => issue.code === 'publish.form_invalid')).toBe(true);
    const notObject = { ...foodLicenceMatter(), form: { schema: { type: 'array', items: { type: 'string' } } } };
    expect(check(notObject)).toEqual([
      { pointer: '/form/schema/type', code: 'publish.form_invalid', message: '申请表单的根节点应为对象（type: "object"）' },
    ]);
  });

  it('publish.condition_invalid: a material condition that does not compile', () => {
    const doc = foodLicenceMatter();
    doc.materials = [
      material('application', '食品经营许可申请书'),
      material('agentLetter', '授权委托书', { condition: { properties: { isByAgent: { const: true } }, required: 'isByAgent' } }),
    ];
    expect(check(doc)).toMatchObject([
      {
        pointer: '/materials/1/condition/required',
        code: 'publish.condition_invalid',
        message: expect.stringContaining('材料“授权委托书”（agentLetter）的适用条件不是有效的 JSON Schema'),
      },
    ]);
  });

  it('publish.condition_unknown_field: a fee or material condition on a field the form lacks', () => {
    const doc = foodLicenceMatter();
    doc.fees = {
      isFee: true,
      items: [
        {
          name: '检验费',
          standard: '按检验项目收取',
          basis: legalRef('中华人民共和国食品安全法', '第八十八条'),
          condition: { properties: { isRecheckRequested: { const: true } } },
        },
      ],
    };
    expect(check(doc)).toEqual([
      {
        pointer: '/fees/items/0/condition/properties/isRecheckRequested',
        code: 'publish.condition_unknown_field',
        message: '收费项目“检验费”的适用条件引用了申请表单中不存在的字段“isRecheckRequested”',
      },
    ]);
  });

  it('recognises form fields revealed through dependencies, as rjsf forms do', () => {
    const doc = foodLicenceMatter();
    doc.form = {
      schema: {
        type: 'object',
        properties: { businessName: field('经营者名称'), isOnSiteCheckNeeded: field('是否需现场核查', 'boolean') },
        dependencies: { businessName: { properties: { isByAgent: field('是否委托代理人', 'boolean') } } },
      },
    };
    expect(check(doc)).toEqual([]);
  });

  it('publish.flow_missing: no flow', () => {
    expect(check(without(foodLicenceMatter(), 'flow'))).toEqual([
      { pointer: '/flow', code: 'publish.flow_missing', message: '缺少办理流程' },
    ]);
  });

  it('includes flow checks with the matter as context (promise, owner, special procedures, form fields)', () => {
    const doc = fireSafetyMatter();
    doc.timeLimits = limits(10, 6);
    const flow = doc.flow as Flow;
    const accept = flow.nodes[0];
    if (!accept || accept.kind !== 'task') throw new Error('fixture changed');
    accept.specialProcedures = ['专家评审'];
    const issues = check(doc);
    expect(issues.map((issue) => [issue.code, issue.pointer])).toEqual([
      ['flow.budget_exceeds_promise', '/flow'],
      ['flow.special_procedure_unknown', '/flow/nodes/0/specialProcedures/0'],
    ]);
  });

  it('department.invalid: the department code fails its check digit', () => {
    const badCheck = `${SAMR.slice(0, 17)}${SAMR.endsWith('0') ? '1' : '0'}`;
    const doc = {
      ...foodLicenceMatter(),
      code: `${badCheck}4000131024000`,
      department: { code: badCheck, name: '某县市场监督管理局' },
    };
    expect(check(doc)).toEqual([
      {
        pointer: '/department/code',
        code: 'department.invalid',
        message: `实施主体编码“${badCheck}”不是有效的 18 位统一社会信用代码（字符或校验位不符）`,
      },
    ]);
  });

  it('code.prefix_mismatch and code.malformed: the 实施编码 does not start with the implementing body, the 基本编码 is malformed', () => {
    const doc = { ...foodLicenceMatter(), code: `${FIRE}4000131024000`, catalogCode: 'sp-131024' };
    expect(check(doc)).toEqual([
      {
        pointer: '/code',
        code: 'code.prefix_mismatch',
        message: `实施编码“${FIRE}4000131024000”应以实施主体的统一社会信用代码“${SAMR}”开头`,
      },
      { pointer: '/catalogCode', code: 'code.malformed', message: '基本编码“sp-131024”应为 6 至 12 位数字或大写字母' },
    ]);
  });

  it('code.malformed: a 实施编码 off its pattern is told in words once, not also as schema.pattern', () => {
    const doc = { ...foodLicenceMatter(), code: `${SAMR}4000-131024` };
    expect(check(doc)).toEqual([
      {
        pointer: '/code',
        code: 'code.malformed',
        message: `实施编码“${SAMR}4000-131024”应为实施主体的统一社会信用代码加本级编号，共 19 至 36 位数字或大写字母`,
      },
    ]);
  });

  it('limit.unit_missing: a special procedure whose 最长时限 has no unit', () => {
    const doc = foodLicenceMatter();
    doc.specialProcedures = [{ name: '现场核查', kind: 'siteSurvey', maxDays: 5, isCounted: true }];
    expect(check(doc)).toEqual([
      {
        pointer: '/specialProcedures/0/unit',
        code: 'limit.unit_missing',
        message: '特别程序“现场核查”的最长时限未注明单位（工作日、自然日或月）',
      },
    ]);
  });

  it('department.unknown: the implementing body is not in the directory', () => {
    const elsewhere = makeUscc({ prefix: '11', region: '439902', orgBody: '00601001' });
    const doc = {
      ...foodLicenceMatter(),
      code: `${elsewhere}4000131024000`,
      department: { code: elsewhere, name: '邻县市场监督管理局' },
    };
    expect(check(doc)).toEqual([
      { pointer: '/department/code', code: 'department.unknown', message: `实施主体“${elsewhere}”不在部门名录中` },
    ]);
  });

  it('publish.material_id_duplicate: two materials with one id', () => {
    const doc = foodLicenceMatter();
    doc.materials = [
      material('application', '食品经营许可申请书'),
      material('licence', '营业执照'),
      material('licence', '食品安全管理人员身份证明'),
    ];
    expect(check(doc)).toEqual([
      {
        pointer: '/materials/2/id',
        code: 'publish.material_id_duplicate',
        message: '材料“食品安全管理人员身份证明”的标识“licence”与第 2 项材料重复',
      },
    ]);
  });

  it('fee.items_missing and fee.basis_missing: a charged matter without fee lines, or a fee line without basis', () => {
    expect(check({ ...foodLicenceMatter(), fees: { isFee: true } })).toEqual([
      { pointer: '/fees/items', code: 'fee.items_missing', message: '事项标明收费，但未列出收费项目、标准及其依据' },
    ]);
    const doc = { ...foodLicenceMatter(), fees: { isFee: true, items: [{ name: '不动产登记费', standard: '住宅 80 元/件' }] } };
    expect(check(doc)).toEqual([
      { pointer: '/fees/items/0/basis', code: 'fee.basis_missing', message: '收费项目“不动产登记费”缺少收费依据' },
    ]);
  });

  it('lists every defect of a dirty document in one pass', () => {
    const doc = {
      ...without(individualBusinessMatter(), 'flow', 'projectType'),
      legalBasis: [legalRef('市场主体登记管理条例')],
      timeLimits: { statutory: { value: 3, unit: 'workday' }, promised: { value: 5 } },
      fees: { isFee: true, items: [] },
    };
    expect(codesOf(doc)).toEqual([
      'basis.article_missing',
      'limit.unit_missing',
      'publish.project_type_missing',
      'publish.flow_missing',
      'fee.items_missing',
    ]);
  });
});
