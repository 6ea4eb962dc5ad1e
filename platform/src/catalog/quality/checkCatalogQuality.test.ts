import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkPublishable } from '../checks';
import { checkCatalogQuality } from './checkCatalogQuality';
import type { QualityMatter } from './QualityRule';
import { qualityRules } from './qualityRules';
import { WorkCalendar } from '@matterflow/schemas';
import { stateCouncilNotices } from '../../../../schemas/src/calendar/stateCouncilNotices.fixture';
import { buildLawRegister } from '../../laws';

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../../../tests/fixtures/${name}`, import.meta.url), 'utf8')) as { matters: any[] };
const SCJ = '114306210061000108';
const ZJ = '11430621006100061G';
const knownDepartments = new Set([
  SCJ,
  '114306210061000295',
  '114306210061000370',
  '11430621006100045T',
  '11430621006100053M',
  ZJ,
  '1143062100610007X8',
]);
const asMatters = (documents: any[]): QualityMatter[] =>
  documents.map((document) => ({ code: document?.code ?? '', version: null, status: 'draft', document }));

/** A matter that passes every rule; each case below breaks exactly one thing. */
function cleanMatter(): any {
  const basis = { lawName: '中华人民共和国食品安全法', articles: ['第三十五条'] };
  return {
    metaSchemaVersion: 2,
    code: `${SCJ}0001310240001`,
    catalogCode: '000131024000',
    name: '食品经营许可',
    type: '01',
    department: { code: SCJ, name: '某县市场监督管理局' },
    projectType: '2',
    legalBasis: [basis],
    timeLimits: { statutory: { value: 10, unit: 'workday' }, promised: { value: 6, unit: 'workday' } },
    fees: {
      isFee: true,
      items: [{ name: '示例收费', standard: '10元/件', basis, isWaivable: true, waiverBasis: '小微企业免收' }],
    },
    materials: [
      { id: 'application', name: '申请书', source: '在线填报', acceptStandard: '填写完整', basis },
      {
        id: 'agent',
        name: '委托书',
        source: '申请人自备',
        acceptStandard: '委托事项明确',
        basis,
        condition: { required: ['isAgent'] },
      },
    ],
    specialProcedures: [{ name: '现场核查', kind: 'siteSurvey', maxDays: 5, unit: 'workday', isCounted: false }],
    prerequisites: [],
    online: { depth: ['1', '2', '3', '4'] },
  };
}

/** A small register: the levels and the repeal the law rules read. */
const laws = buildLawRegister([
  { id: 'shipin-anquan-fa', name: '中华人民共和国食品安全法', aliases: ['食品安全法'], level: 'law' },
  { id: 'shipin-jingying-banfa', name: '食品经营许可和备案管理办法', level: 'departmentRule' },
  {
    id: 'getigongshanghu-tiaoli',
    name: '个体工商户条例',
    level: 'adminRegulation',
    repealedOn: '2022-11-01',
    replacedBy: 'cujin-tiaoli',
  },
  { id: 'cujin-tiaoli', name: '促进个体工商户发展条例', level: 'adminRegulation', effectiveFrom: '2022-11-01' },
]);
const calendar = new WorkCalendar(stateCouncilNotices);
const today = '2026-12-01';

function run(documents: any[]) {
  return checkCatalogQuality({ matters: asMatters(documents), knownDepartments, laws, calendar, today });
}

/** The same matter under another 实施编码 (another county), for the rules comparing matters. */
const twin = (changes: Record<string, unknown>) => ({ ...cleanMatter(), code: `${SCJ}0001310240002`, ...changes });

/** A three-step flow of 1 + 4 + 1 working days. */
function flow() {
  const task = (id: string, role: string, budgetDays: number, actions: string[], next: string) => ({
    id,
    kind: 'task',
    name: id,
    role,
    budgetDays,
    actions,
    next,
  });
  return {
    start: 'accept',
    nodes: [
      task('accept', 'window', 1, ['accept', 'reject'], 'review'),
      task('review', 'reviewer', 4, ['approve', 'return'], 'decide'),
      task('decide', 'chief', 1, ['decide', 'deny'], 'end'),
    ],
  };
}

const cases: { rule: string; pointer: string; documents: () => any[] }[] = [
  { rule: 'code.missing', pointer: '/code', documents: () => [{ ...cleanMatter(), code: undefined }] },
  { rule: 'code.missing', pointer: '/catalogCode', documents: () => [{ ...cleanMatter(), catalogCode: undefined }] },
  { rule: 'code.malformed', pointer: '/code', documents: () => [{ ...cleanMatter(), code: `${SCJ}abc` }] },
  { rule: 'code.malformed', pointer: '/catalogCode', documents: () => [{ ...cleanMatter(), catalogCode: '00013-1024' }] },
  {
    rule: 'department.invalid',
    pointer: '/department/code',
    documents: () => [
      { ...cleanMatter(), code: '1143062100610001090001', department: { code: '114306210061000109', name: '某局' } },
    ],
  },
  { rule: 'code.prefix_mismatch', pointer: '/code', documents: () => [{ ...cleanMatter(), code: `${ZJ}0001` }] },
  { rule: 'code.duplicate', pointer: '/code', documents: () => [cleanMatter(), cleanMatter()] },
  {
    rule: 'department.unknown',
    pointer: '/department/code',
    documents: () => [
      { ...cleanMatter(), code: '11430621006100993W0001', department: { code: '11430621006100993W', name: '某县交通运输局' } },
    ],
  },
  {
    rule: 'name.inconsistent',
    pointer: '/name',
    documents: () => [cleanMatter(), { ...cleanMatter(), code: `${SCJ}0001310240002`, name: '食品经营许可证核发' }],
  },
  { rule: 'basis.missing', pointer: '/legalBasis', documents: () => [{ ...cleanMatter(), legalBasis: [] }] },
  {
    rule: 'basis.article_missing',
    pointer: '/legalBasis/0/articles',
    documents: () => [{ ...cleanMatter(), legalBasis: [{ lawName: '中华人民共和国食品安全法' }] }],
  },
  {
    rule: 'limit.promise_exceeds_statutory',
    pointer: '/timeLimits/promised/value',
    documents: () => [
      { ...cleanMatter(), timeLimits: { statutory: { value: 10, unit: 'workday' }, promised: { value: 12, unit: 'workday' } } },
    ],
  },
  {
    rule: 'limit.promise_exceeds_statutory',
    pointer: '/timeLimits/promised/value',
    documents: () => [
      { ...cleanMatter(), timeLimits: { statutory: { value: 20, unit: 'day' }, promised: { value: 21, unit: 'workday' } } },
    ],
  },
  {
    rule: 'limit.instant_nonzero',
    pointer: '/timeLimits/promised/value',
    documents: () => [
      {
        ...cleanMatter(),
        projectType: '1',
        timeLimits: { statutory: { value: 10, unit: 'workday' }, promised: { value: 1, unit: 'workday' } },
      },
    ],
  },
  {
    rule: 'limit.unit_missing',
    pointer: '/timeLimits/promised/unit',
    documents: () => [{ ...cleanMatter(), timeLimits: { statutory: { value: 10, unit: 'workday' }, promised: { value: 6 } } }],
  },
  {
    rule: 'limit.unit_missing',
    pointer: '/specialProcedures/0/unit',
    documents: () => [
      { ...cleanMatter(), specialProcedures: [{ name: '专家评审', kind: 'expertReview', maxDays: 10, isCounted: false }] },
    ],
  },
  {
    rule: 'fee.basis_missing',
    pointer: '/fees/items/0/basis',
    documents: () => [{ ...cleanMatter(), fees: { isFee: true, items: [{ name: '工本费', standard: '20元/证' }] } }],
  },
  {
    rule: 'fee.waiver_basis_missing',
    pointer: '/fees/items/0/waiverBasis',
    documents: () => [
      { ...cleanMatter(), fees: { isFee: true, items: [{ ...cleanMatter().fees.items[0], waiverBasis: undefined }] } },
    ],
  },
  {
    rule: 'material.basis_missing',
    pointer: '/materials/1/basis',
    documents: () => {
      const m = cleanMatter();
      delete m.materials[1].basis;
      return [m];
    },
  },
  {
    rule: 'material.accept_standard_missing',
    pointer: '/materials/0/acceptStandard',
    documents: () => {
      const m = cleanMatter();
      delete m.materials[0].acceptStandard;
      return [m];
    },
  },
  {
    rule: 'material.duplicate',
    pointer: '/materials/2/name',
    documents: () => {
      const m = cleanMatter();
      m.materials.push({ ...m.materials[0], id: 'again', name: ' 申请书 ' });
      return [m];
    },
  },
  {
    rule: 'material.fetchable',
    pointer: '/materials/0/source',
    documents: () => {
      const m = cleanMatter();
      m.materials[0].source = '政府部门核发';
      return [m];
    },
  },
  {
    rule: 'prerequisite.cycle',
    pointer: '/prerequisites/0',
    documents: () => {
      const a = cleanMatter();
      const b = { ...cleanMatter(), code: `${SCJ}0001310240009`, catalogCode: '000131025000', name: '食品生产许可' };
      a.prerequisites = [{ code: b.code, name: b.name, isStatutory: true }];
      b.prerequisites = [{ code: a.code, name: a.name, isStatutory: true }];
      return [a, b];
    },
  },
  {
    rule: 'prerequisite.not_statutory',
    pointer: '/prerequisites/0/isStatutory',
    documents: () => {
      const other = { ...cleanMatter(), code: `${SCJ}0001310250001`, catalogCode: '000131025000', name: '食品生产许可' };
      return [{ ...cleanMatter(), prerequisites: [{ code: other.code, name: other.name, isStatutory: false }] }, other];
    },
  },
  { rule: 'online.consult_only', pointer: '/online/depth', documents: () => [{ ...cleanMatter(), online: { depth: ['1'] } }] },
  { rule: 'online.consult_only', pointer: '/online/depth', documents: () => [{ ...cleanMatter(), online: {} }] },
  // 三级四同 across matters.
  { rule: 'type.inconsistent', pointer: '/type', documents: () => [cleanMatter(), twin({ type: '07' })] },
  {
    rule: 'basis.inconsistent',
    pointer: '/legalBasis',
    documents: () => [cleanMatter(), twin({ legalBasis: [{ lawName: '中华人民共和国行政许可法', articles: ['第十二条'] }] })],
  },
  {
    rule: 'limit.inconsistent',
    pointer: '/timeLimits/statutory',
    documents: () => [
      cleanMatter(),
      twin({ timeLimits: { statutory: { value: 20, unit: 'workday' }, promised: { value: 6, unit: 'workday' } } }),
    ],
  },
  {
    rule: 'name.multiple_codes',
    pointer: '/catalogCode',
    documents: () => [cleanMatter(), twin({ catalogCode: '000131024001' })],
  },
  // The law register: levels and repeals.
  {
    rule: 'basis.level_cannot_set',
    pointer: '/legalBasis/0',
    documents: () => [{ ...cleanMatter(), legalBasis: [{ lawName: '食品经营许可和备案管理办法', articles: ['第三条'] }] }],
  },
  {
    rule: 'basis.level_cannot_set',
    pointer: '/legalBasis/0',
    documents: () => [
      {
        ...cleanMatter(),
        legalBasis: [{ lawName: '某县食品摊贩管理规定', level: 'normativeDoc', role: 'set', articles: ['第二条'] }],
      },
    ],
  },
  {
    rule: 'fee.level_cannot_set',
    pointer: '/fees/items/0/basis',
    documents: () => {
      const m = cleanMatter();
      m.fees.items[0].basis = {
        lawName: '某省物价局关于核定收费标准的通知',
        level: 'normativeDoc',
        docNumber: '某价〔2020〕1号',
      };
      return [m];
    },
  },
  {
    rule: 'basis.repealed',
    pointer: '/legalBasis/1',
    documents: () => [
      {
        ...cleanMatter(),
        legalBasis: [cleanMatter().legalBasis[0], { lawName: '个体工商户条例', role: 'implement', articles: ['第八条'] }],
      },
    ],
  },
  // Limits and procedures.
  { rule: 'limit.missing', pointer: '/timeLimits', documents: () => [{ ...cleanMatter(), timeLimits: undefined }] },
  {
    rule: 'limit.commitment_zero',
    pointer: '/timeLimits/promised/value',
    documents: () => [
      { ...cleanMatter(), timeLimits: { statutory: { value: 10, unit: 'workday' }, promised: { value: 0, unit: 'workday' } } },
    ],
  },
  {
    // 6 working days against a 7-day statute: over 国庆 2025 the promise runs a week longer.
    rule: 'limit.promise_exceeds_statutory',
    pointer: '/timeLimits/promised/value',
    documents: () => [
      { ...cleanMatter(), timeLimits: { statutory: { value: 7, unit: 'day' }, promised: { value: 6, unit: 'workday' } } },
    ],
  },
  {
    rule: 'flow.budget_exceeds_promise',
    pointer: '/flow',
    documents: () => [
      {
        ...cleanMatter(),
        timeLimits: { statutory: { value: 10, unit: 'workday' }, promised: { value: 8, unit: 'day' } },
        flow: flow(),
      },
    ],
  },
  {
    rule: 'procedure.unbounded',
    pointer: '/specialProcedures/0/maxDays',
    documents: () => [{ ...cleanMatter(), specialProcedures: [{ name: '专家评审', kind: 'expertReview', isCounted: false }] }],
  },
  {
    rule: 'safety.deemed_approval',
    pointer: '/flow/allowsDeemedApproval',
    documents: () => [{ ...cleanMatter(), publicSafety: true, flow: { ...flow(), allowsDeemedApproval: true } }],
  },
  {
    rule: 'limit.commitment_zero',
    pointer: '/situations/0/timeLimits/promised/value',
    documents: () => [
      {
        ...cleanMatter(),
        situations: [{ id: 'renewal', name: '延续', timeLimits: { promised: { value: 0, unit: 'workday' } } }],
      },
    ],
  },
  {
    rule: 'limit.promise_exceeds_statutory',
    pointer: '/situations/0/timeLimits/promised/value',
    documents: () => [
      {
        ...cleanMatter(),
        situations: [{ id: 'renewal', name: '延续', timeLimits: { promised: { value: 11, unit: 'workday' } } }],
      },
    ],
  },
  // Fees.
  {
    rule: 'fee.items_missing',
    pointer: '/fees/items',
    documents: () => [{ ...cleanMatter(), fees: { isFee: true, items: [] } }],
  },
  {
    rule: 'fee.amount_mismatch',
    pointer: '/fees/items/0/amountYuan',
    documents: () => {
      const m = cleanMatter();
      m.fees.items[0].amountYuan = 20;
      return [m];
    },
  },
  // Materials, prerequisites, visits.
  {
    rule: 'material.licence_self_provided',
    pointer: '/materials/2/source',
    documents: () => {
      const m = cleanMatter();
      m.materials.push({
        id: 'licence',
        name: '营业执照副本复印件',
        source: '申请人自备',
        acceptStandard: '在有效期内',
        basis: m.legalBasis[0],
      });
      return [m];
    },
  },
  {
    rule: 'material.duplicate',
    pointer: '/materials/3/name',
    documents: () => {
      const m = cleanMatter();
      const idCard = { source: '调取电子证照库', acceptStandard: '在有效期内', basis: m.legalBasis[0] };
      m.materials.push(
        { ...idCard, id: 'idCard', name: '居民身份证复印件' },
        { ...idCard, id: 'identity', name: '申请人身份证明' },
      );
      return [m];
    },
  },
  {
    rule: 'prerequisite.unknown',
    pointer: '/prerequisites/0/code',
    documents: () => [{ ...cleanMatter(), prerequisites: [{ code: `${ZJ}0009`, name: '某项已取消的审批', isStatutory: true }] }],
  },
  {
    rule: 'online.visits_unexplained',
    pointer: '/online/sceneVisitsReason',
    documents: () => [{ ...cleanMatter(), online: { depth: ['1', '2', '3', '4'], sceneVisits: 2 } }],
  },
  {
    rule: 'online.visits_unexplained',
    pointer: '/situations/0/sceneVisitsReason',
    documents: () => [{ ...cleanMatter(), situations: [{ id: 'onSite', name: '现场核查', sceneVisits: 3 }] }],
  },
];

describe('catalog quality rules', () => {
  it('finds nothing in a clean matter, and lists every rule', () => {
    const report = run([cleanMatter()]);
    expect(report.findings).toEqual([]);
    expect(report.checkedMatters).toBe(1);
    expect(report.rules.map((rule) => rule.rule)).toEqual(qualityRules.map((rule) => rule.id));
    expect(report.rules.every((rule) => rule.count === 0 && /[\u4e00-\u9fff]/.test(rule.title))).toBe(true);
  });

  it.each(cases)('$rule at $pointer', ({ rule, pointer, documents }) => {
    const report = run(documents());
    expect(report.findings.filter((finding) => finding.rule !== rule)).toEqual([]);
    expect(report.findings).toContainEqual(
      expect.objectContaining({ rule, pointer, message: expect.stringMatching(/[\u4e00-\u9fff]/) }),
    );
  });

  it('accepts a fee standard cited by the 文号 of its price notice, without an article', () => {
    const notice = {
      lawName: '国家发展改革委 财政部关于不动产登记收费标准等有关问题的通知',
      docNumber: '发改价格规〔2016〕2559号',
    };
    const fees = { isFee: true, items: [{ name: '住宅类不动产登记费', standard: '80元/件', basis: notice }] };
    expect(run([{ ...cleanMatter(), fees }]).findings).toEqual([]);
    const withoutNumber = {
      isFee: true,
      items: [{ name: '住宅类不动产登记费', standard: '80元/件', basis: { lawName: notice.lawName } }],
    };
    expect(run([{ ...cleanMatter(), fees: withoutNumber }]).findings.map((f) => f.rule)).toEqual(['basis.article_missing']);
  });

  it('has a case for every rule', () => {
    expect(new Set(cases.map((entry) => entry.rule))).toEqual(new Set(qualityRules.map((rule) => rule.id)));
  });

  it('reports a cycle on every matter in it, each naming every code, and a self-reference as a cycle', () => {
    const a = cleanMatter();
    const b = { ...cleanMatter(), code: `${SCJ}0001310240009`, catalogCode: '000131025000', name: '食品生产许可' };
    const c = { ...cleanMatter(), code: `${SCJ}0001310240008`, catalogCode: '000131026000', name: '食品小作坊登记' };
    a.prerequisites = [{ code: b.code, name: b.name, isStatutory: true }];
    b.prerequisites = [{ code: c.code, name: c.name, isStatutory: true }];
    c.prerequisites = [
      { code: a.code, name: a.name, isStatutory: true },
      { code: c.code, name: c.name, isStatutory: true },
    ];
    const cycles = run([a, b, c]).findings.filter((finding) => finding.rule === 'prerequisite.cycle');
    expect(cycles.map((finding) => [finding.code, finding.pointer]).sort()).toEqual(
      [
        [a.code, '/prerequisites/0'],
        [b.code, '/prerequisites/0'],
        [c.code, '/prerequisites/0'],
      ].sort(),
    );
    for (const cycle of cycles) for (const code of [a.code, b.code, c.code]) expect(cycle.message).toContain(code);
    const self = cleanMatter();
    self.prerequisites = [{ code: self.code, name: self.name, isStatutory: true }];
    expect(run([self]).findings.filter((finding) => finding.rule === 'prerequisite.cycle')).toHaveLength(1);
  });

  it('does not count materials of different 办理情形 as duplicates', () => {
    const m = cleanMatter();
    m.materials.push({ ...m.materials[1], id: 'agent2', condition: { required: ['isCompany'] } });
    expect(run([m]).findings).toEqual([]);
  });

  it('survives documents of the wrong shape', () => {
    const report = run([null, 'x', { materials: 'none', fees: { items: {} }, prerequisites: [null], online: { depth: 3 } }]);
    expect(report.checkedMatters).toBe(3);
  });

  it('finds every kind of defect in the dirty fixture catalog and the cases above', () => {
    const report = run([...fixture('dirty-catalog.json').matters, ...cases.flatMap((entry) => entry.documents())]);
    for (const rule of report.rules) expect.soft(rule.count, rule.rule).toBeGreaterThan(0);
    expect(report.findings).toContainEqual(
      expect.objectContaining({
        rule: 'prerequisite.cycle',
        code: '11430621006100053M0001730020001',
        pointer: '/prerequisites/0',
      }),
    );
  });

  it('reports a shared rule of law exactly where the publish checks do, under the same code', () => {
    // basis.article_missing is left out: the report looks at every basis, publishing at the 设定依据 only.
    const shared = new Set([
      'code.malformed',
      'code.prefix_mismatch',
      'department.invalid',
      'department.unknown',
      'basis.missing',
      'limit.promise_exceeds_statutory',
      'limit.instant_nonzero',
      'limit.unit_missing',
      'fee.items_missing',
      'fee.basis_missing',
      'flow.budget_exceeds_promise',
    ]);
    const documents = [...fixture('dirty-catalog.json').matters, ...cases.flatMap((entry) => entry.documents())];
    let compared = 0;
    for (const document of documents) {
      const published = checkPublishable({ document, knownDepartments, calendar })
        .filter((issue) => shared.has(issue.code))
        .map((issue) => `${issue.code} ${issue.pointer}`);
      const reported = run([document])
        .findings.filter((finding) => shared.has(finding.rule))
        .map((finding) => `${finding.rule} ${finding.pointer}`);
      expect(reported.sort(), document.name).toEqual(published.sort());
      compared += published.length;
    }
    expect(compared).toBeGreaterThan(10);
  });

  it('finds only the expected gaps in the clean sample catalog', () => {
    const report = run(fixture('sample-catalog.json').matters);
    expect(new Set(report.findings.map((finding) => finding.rule))).toEqual(
      new Set([
        'basis.article_missing',
        'material.fetchable',
        'online.consult_only',
        'procedure.unbounded',
        'limit.promise_exceeds_statutory',
      ]),
    );
    // 公共场所卫生许可 promises 10 working days against 20 日: across 春节 2025 the promise runs a day longer.
    expect(report.findings.filter((finding) => finding.rule === 'limit.promise_exceeds_statutory')).toEqual([
      expect.objectContaining({ name: '公共场所卫生许可', message: expect.stringMatching(/（如 2025-01-\d\d 起算/) }),
    ]);
  });
});
