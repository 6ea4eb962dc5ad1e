import type { Material, MatterDocument, TaskNode } from '../generated/MatterDocument';

/** Test fixtures: the matter-level parts resolveSituations reads, shaped like the seed's. */
type Fixture = Pick<
  MatterDocument,
  'materials' | 'situations' | 'guideQuestions' | 'timeLimits' | 'projectType' | 'online' | 'fees' | 'flow' | 'commitment'
> &
  Partial<Pick<MatterDocument, 'toleratedAcceptance' | 'form'>>;

const material = (id: string, name: string, extra: Partial<Material> = {}): Material => ({ id, name, ...extra });

const window = (id: string, name: string, next: string): TaskNode => ({
  id,
  kind: 'task',
  name,
  role: 'window',
  budgetDays: 1,
  actions: ['accept', 'reject', 'supplement'],
  next,
});
const review = (id: string, name: string, next: string, budgetDays: number): TaskNode => ({
  id,
  kind: 'task',
  name,
  role: 'reviewer',
  budgetDays,
  actions: ['approve', 'return'],
  next,
});
const decide = (id: string): TaskNode => ({
  id,
  kind: 'task',
  name: '审批决定',
  role: 'chief',
  budgetDays: 1,
  actions: ['decide', 'deny'],
  next: 'end',
});

/** 互联网上网服务营业场所设立: 筹建 (20 个工作日) and 最终审核 (15 个工作日), 条例第十一条. */
/** 网吧's one guiding question: 筹建 or 最终审核 (条例第十一条). */
export function stageQuestion(): NonNullable<MatterDocument['guideQuestions']>[number] {
  return {
    id: 'stage',
    title: '申请阶段',
    options: [
      { value: 'prep', title: '申请筹建' },
      { value: 'final', title: '筹建完成，申请最终审核' },
    ],
  };
}

export function internetCafe(): Fixture {
  return {
    guideQuestions: [stageQuestion()],
    materials: [
      material('application', '互联网上网服务营业场所设立申请表'),
      material('businessLicence', '营业执照', { source: '调取电子证照库', licenceCatalogCode: 'yyzz' }),
      material('premisesProof', '营业场所产权证明或者租赁意向书'),
      material('agentAuthorisation', '授权委托书', {
        condition: { properties: { byAgent: { const: true } }, required: ['byAgent'] },
      }),
      material('prepApproval', '同意筹建的批准文件'),
      material('securityPledge', '网络安全承诺书'),
    ],
    situations: [
      {
        id: 'prep',
        name: '申请筹建',
        when: { properties: { stage: { const: 'prep' } }, required: ['stage'] },
        timeLimits: {
          statutory: { value: 20, unit: 'workday', anchor: 'received' },
          promised: { value: 12, unit: 'workday' },
        },
        sceneVisits: 1,
      },
      {
        id: 'final',
        name: '最终审核',
        when: { properties: { stage: { const: 'final' } }, required: ['stage'] },
        materials: { add: ['prepApproval', 'securityPledge'], waive: ['premisesProof'] },
        timeLimits: {
          statutory: { value: 15, unit: 'workday', anchor: 'received' },
          promised: { value: 10, unit: 'workday' },
        },
        sceneVisits: 2,
        sceneVisitsReason: '实地检查时经营者须在场',
        flowStart: 'finalAccept',
      },
    ],
    timeLimits: { statutory: { value: 20, unit: 'workday' }, promised: { value: 12, unit: 'workday' } },
    projectType: '2',
    online: { sceneVisits: 1 },
    fees: { isFee: false },
    flow: {
      start: 'prepAccept',
      nodes: [
        window('prepAccept', '筹建受理', 'prepReview'),
        review('prepReview', '筹建审查', 'prepDecide', 8),
        decide('prepDecide'),
        window('finalAccept', '最终审核受理', 'siteCheck'),
        review('siteCheck', '实地检查', 'finalDecide', 6),
        decide('finalDecide'),
      ],
    },
    commitment: undefined,
    form: {
      schema: {
        type: 'object',
        properties: {
          byAgent: { type: 'boolean', title: '委托代理人办理' },
          hasCentralAir: { type: 'boolean', title: '设有集中空调' },
        },
      },
    },
  };
}

/** 公众聚集场所投入使用、营业前消防安全检查: 告知承诺 (当场) or 检查 (10 个工作日), 消防法第十五条. */
export function fireSafety(): Fixture {
  return {
    guideQuestions: [
      {
        id: 'route',
        title: '办理方式',
        options: [
          { value: 'pledge', title: '告知承诺' },
          { value: 'inspect', title: '消防安全检查' },
        ],
      },
    ],
    materials: [
      material('application', '公众聚集场所投入使用、营业前消防安全检查申请表'),
      material('pledgeLetter', '消防安全告知承诺书'),
      material('floorPlan', '场所平面布置图', { necessity: '容缺后补' }),
      material('airReport', '集中空调通风系统卫生检测报告'),
    ],
    situations: [
      {
        id: 'pledge',
        name: '告知承诺',
        when: { properties: { route: { const: 'pledge' } }, required: ['route'] },
        materials: { add: ['pledgeLetter'] },
        projectType: '1',
        timeLimits: { promised: { value: 0, unit: 'workday' } },
        flowStart: 'pledgeAccept',
        commitment: {
          letterMaterialId: 'pledgeLetter',
          verification: { method: '许可后现场核查', period: { value: 20, unit: 'workday' } },
        },
      },
      {
        id: 'inspect',
        name: '消防安全检查',
        when: { properties: { route: { const: 'inspect' } }, required: ['route'] },
        sceneVisits: 2,
        sceneVisitsReason: '现场检查时申请人须在场',
      },
      {
        id: 'centralAir',
        name: '设有集中空调',
        condition: { properties: { hasCentralAir: { const: true } }, required: ['hasCentralAir'] },
        materials: { add: ['airReport'] },
      },
    ],
    timeLimits: { statutory: { value: 10, unit: 'workday' }, promised: { value: 10, unit: 'workday' } },
    projectType: '2',
    online: { sceneVisits: 1 },
    fees: { isFee: false },
    flow: {
      start: 'accept',
      nodes: [
        window('accept', '受理', 'inspect'),
        review('inspect', '现场检查', 'decide', 6),
        decide('decide'),
        { ...window('pledgeAccept', '承诺受理', 'end'), budgetDays: 0, actions: ['accept', 'reject', 'complete'] },
      ],
    },
    commitment: undefined,
    toleratedAcceptance: { materials: ['floorPlan'], deadline: { value: 5, unit: 'workday' } },
    form: {
      schema: { type: 'object', properties: { hasCentralAir: { type: 'boolean', title: '设有集中空调' } } },
    },
  };
}
