import type { LegalRef, MatterDocument } from '@matterflow/schemas';
import { stageQuestion } from '../../../../schemas/src/situations/situations.fixture';
import type { MatterVersion } from '../MatterVersion';

export const HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>&amp;';
export const PRIVATE_NOTE = '内部备注：参照某县同类事项，条款待核实';

const basis: LegalRef = { lawName: '互联网上网服务营业场所管理条例', level: 'adminRegulation', articles: ['第十一条'] };

/** 网吧设立 as a guide sees it: two situations, a fetched licence, a hostile string, a private note. */
export function internetCafeDocument(): MatterDocument {
  return {
    metaSchemaVersion: 2,
    code: '1143990100601012XX0001220140001',
    catalogCode: '000122014000',
    name: '互联网上网服务营业场所设立审批',
    type: '01',
    department: { code: '1143990100601012XX', name: '云溪县文化旅游广电体育局', nature: '1' },
    powerSource: '1',
    levels: ['4'],
    serviceObjects: ['2'],
    projectType: '2',
    handleForms: ['1', '2'],
    serviceContent: `设立网吧。${HOSTILE}`,
    legalBasis: [{ ...basis, role: 'set', text: '文化行政部门应当自收到申请之日起20个工作日内作出决定。' }],
    timeLimits: {
      statutory: { value: 20, unit: 'workday', asWritten: '20个工作日', anchor: 'received', basis },
      promised: { value: 12, unit: 'workday' },
    },
    guideQuestions: [stageQuestion()],
    situations: [
      {
        id: 'prep',
        name: '申请筹建',
        when: { properties: { stage: { const: 'prep' } }, required: ['stage'] },
        sceneVisits: 1,
      },
      {
        id: 'final',
        name: '最终审核',
        when: { properties: { stage: { const: 'final' } }, required: ['stage'] },
        materials: { add: ['securityPledge'], waive: ['premisesProof'] },
        timeLimits: {
          statutory: { value: 15, unit: 'workday', asWritten: '15个工作日', anchor: 'received', basis },
          promised: { value: 10, unit: 'workday' },
        },
        sceneVisits: 2,
        sceneVisitsReason: '实地检查时经营者须在场',
        flowStart: 'finalAccept',
      },
    ],
    toleratedAcceptance: { materials: ['premisesProof'], deadline: { value: 5, unit: 'workday' } },
    fees: { isFee: false },
    materials: [
      {
        id: 'application',
        name: '申请表',
        type: '原件',
        format: '纸质',
        copies: 1,
        pageFormat: 'A4',
        necessity: '必要',
        fillExplain: '逐项填写',
      },
      {
        id: 'businessLicence',
        name: '营业执照',
        type: '原件',
        format: '电子',
        copies: 0,
        necessity: '必要',
        source: '调取电子证照库',
        licenceCatalogCode: 'yyzz',
      },
      { id: 'premisesProof', name: '营业场所产权证明', type: '复印件', copies: 1, necessity: '必要' },
      { id: 'plan', name: '场所平面图', type: '原件', copies: 1, necessity: '非必要' },
      { id: 'securityPledge', name: '网络安全承诺书', type: '原件', copies: 1, necessity: '必要', blankFormFileId: 'form-17' },
    ],
    result: { type: '证照', name: '网络文化经营许可证', sampleFileId: 'sample-3' },
    online: { depth: ['1', '2', '3'], sceneVisits: 1, url: 'https://zwfw.example.gov.cn/wangba', isExpress: true },
    remedies: {
      reconsideration: { body: '云溪县人民政府', period: { value: 60, unit: 'day' } },
      litigation: { body: '云溪县人民法院', period: { value: 6, unit: 'month' } },
    },
    flow: {
      start: 'prepAccept',
      nodes: [
        { id: 'prepAccept', kind: 'task', name: '筹建受理', role: 'window', budgetDays: 1, next: 'prepDecide' },
        { id: 'prepDecide', kind: 'task', name: '筹建决定', role: 'chief', budgetDays: 5, next: 'end' },
        { id: 'finalAccept', kind: 'task', name: '最终审核受理', role: 'window', budgetDays: 1, next: 'siteCheck' },
        { id: 'siteCheck', kind: 'task', name: '实地检查', role: 'reviewer', budgetDays: 5, next: 'finalDecide' },
        { id: 'finalDecide', kind: 'task', name: '最终审核决定', role: 'chief', budgetDays: 2, next: 'end' },
      ],
    },
    privateNote: PRIVATE_NOTE,
  };
}

export function versionOf(document: MatterDocument): MatterVersion {
  return {
    code: document.code,
    version: 1,
    status: 'published',
    revision: 1,
    metaSchemaVersion: 2,
    name: document.name,
    type: document.type,
    departmentCode: document.department.code,
    effectiveFrom: '2026-12-01',
    cancelAt: null,
    reviewComments: [],
    createdAt: '2026-12-01T00:00:00.000Z',
    updatedAt: '2026-12-01T00:00:00.000Z',
    submittedAt: null,
    publishedAt: '2026-12-01T00:00:00.000Z',
    document,
  };
}
