/**
 * Response schema of GET /api/matters/{code}/guide. Every object is closed (additionalProperties
 * false) and every key required, so the contract tests catch a field that leaks in (the private
 * note above all) as surely as one that goes missing.
 */
const text = { type: ['string', 'null'] } as const;
const str = { type: 'string' } as const;
const bool = { type: 'boolean' } as const;
const nullableBool = { type: ['boolean', 'null'] } as const;
const nullableInt = { type: ['integer', 'null'] } as const;
const list = (items: object = str) => ({ type: 'array', items }) as const;

function closed(properties: Record<string, object>, optional: readonly string[] = []) {
  return {
    type: 'object',
    additionalProperties: false,
    required: Object.keys(properties).filter((key) => !optional.includes(key)),
    properties,
  } as const;
}
const nullable = (schema: ReturnType<typeof closed>) => ({ anyOf: [schema, { type: 'null' }] }) as const;

const step = closed({ name: str, role: str, budgetDays: { type: 'number' }, parallel: list() }, ['parallel']);
const timeLimits = {
  statutory: { ...text, description: '法定办结时限，按法律原文（如“二十日”“20个工作日”）；法律未规定时为“法律未规定”' },
  isUnspecified: { ...bool, description: '法律未规定办理时限' },
  anchor: text,
  extension: text,
  basis: text,
  note: { ...text, description: '期限如何计算，如行政许可法第八十二条（以工作日计算）' },
  statutoryExplain: text,
  promised: text,
  promisedExplain: text,
};
const fees = {
  isFee: bool,
  summary: str,
  isPayOnline: nullableBool,
  items: list(closed({ name: str, standard: str, basis: text, waiver: text, appliesWhen: text })),
};
const material = closed({
  id: str,
  name: str,
  mark: { ...text, description: '只标注例外：非必要、容缺后补、信息免交' },
  submission: { ...str, description: '提交方式，如“免提交（窗口调取电子证照）”“原件 1份（纸质或电子）”' },
  type: text,
  format: text,
  copies: nullableInt,
  pageFormat: text,
  source: text,
  issuedBy: text,
  licenceCatalogCode: text,
  fillExplain: text,
  blankFormFileId: text,
  exampleFileId: text,
  acceptStandard: text,
  basis: text,
  appliesWhen: text,
});
const commitment = closed({
  title: str,
  letter: str,
  scope: text,
  verification: str,
  verificationPeriod: str,
  onBreach: text,
  basis: text,
});
const remedy = closed({ body: str, period: text, periodExplain: text, address: text, phone: text });
const channel = closed({ kind: str, detail: str });

export const guideSchema = closed({
  code: str,
  version: { type: 'integer' },
  effectiveFrom: { type: ['string', 'null'], format: 'date' },
  name: str,
  basicInfo: closed({
    title: str,
    code: { ...str, description: '实施编码' },
    catalogCode: { ...text, description: '基本编码' },
    handleItemCode: text,
    type: str,
    department: str,
    departmentNature: text,
    entrustName: text,
    acceptingBody: { ...str, description: '受理机关' },
    decidingBody: { ...str, description: '决定机关' },
    forwarding: text,
    powerSource: text,
    levels: list(),
    coDepartments: list(),
  }),
  serviceContent: closed({
    title: str,
    type: str,
    department: str,
    serviceObjects: list(),
    projectType: text,
    windowAuthority: text,
    handleForms: list(),
    acceptCondition: text,
    limitExplain: text,
    description: text,
  }),
  legalBasis: closed({ title: str, items: list(closed({ citation: text, role: str, level: text, text })) }),
  acceptance: closed({ title: str, rules: list(), basis: text }),
  procedure: closed({
    title: str,
    description: text,
    steps: list(step),
    prerequisites: list(closed({ code: str, name: str, basis: text })),
    intermediaryServices: list(closed({ name: str, typicalDays: nullableInt, basis: text })),
    coDepartments: list(),
    specialProcedures: list(
      closed({
        name: str,
        kind: str,
        maxDays: text,
        isCounted: bool,
        note: str,
        mandatory: nullableBool,
        explain: text,
        basis: text,
      }),
    ),
  }),
  timeLimits: closed({ title: str, ...timeLimits }),
  fees: closed({ title: str, ...fees }),
  result: closed({ title: str, type: text, name: text, validity: text, sampleFileId: text, licenceCatalogCode: text }),
  materials: closed({ title: str, note: str, items: list(material) }),
  guideQuestions: list(closed({ id: str, title: str, help: text, options: list(closed({ value: str, title: str })) })),
  situations: list(
    closed({
      id: str,
      name: str,
      description: text,
      appliesWhen: text,
      materials: list(material),
      timeLimits: closed(timeLimits),
      projectType: text,
      sceneVisits: nullableInt,
      sceneVisitsText: text,
      sceneVisitsReason: text,
      fees: closed(fees),
      commitment: nullable(commitment),
      waived: list(),
      steps: list(step),
    }),
  ),
  commitment: nullable(commitment),
  toleratedAcceptance: nullable(closed({ title: str, materials: list(), deadline: str, onMissed: text, basis: text })),
  channels: closed({
    title: str,
    online: list(),
    url: text,
    sceneVisits: nullableInt,
    sceneVisitsText: text,
    sceneVisitsReason: text,
    isEntryCenter: nullableBool,
    isExpress: nullableBool,
    isSchedule: nullableBool,
    isServiceTerminals: nullableBool,
    handleArea: text,
  }),
  contact: closed({ title: str, address: text, hours: text, consult: list(channel), supervise: list(channel) }),
  remedies: closed({ title: str, reconsideration: nullable(remedy), litigation: nullable(remedy) }),
  questions: list(closed({ question: str, answer: str })),
});
