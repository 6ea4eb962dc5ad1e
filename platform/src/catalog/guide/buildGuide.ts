import {
  describeCondition,
  describeSituation,
  labelOf,
  requirementsFor,
  type Commitment,
  type Fees,
  type Flow,
  type MatterDocument,
  type Requirements,
  type Situation,
  type TimeLimits,
} from '@matterflow/schemas';
import { reachableNodes } from '../../flows';
import type { MatterVersion } from '../MatterVersion';
import { guideMaterial } from './guideMaterials';
import {
  anchorText,
  basisText,
  extensionText,
  lawDuration,
  promisedText,
  sceneVisitsText,
  statutoryText,
  workdayNote,
} from './guideText';

export type { GuideMaterial } from './guideMaterials';

/** 行政许可法第三十二条, the acceptance and 补正 rules every licensing guide states. */
const LICENSING_ACCEPTANCE = [
  '申请事项依法不需要取得行政许可的，即时告知申请人不受理。',
  '申请事项依法不属于本行政机关职权范围的，即时作出不予受理的决定，并告知申请人向有关行政机关申请。',
  '申请材料存在可以当场更正的错误的，允许申请人当场更正。',
  '申请材料不齐全或者不符合法定形式的，当场或者在五日内一次告知申请人需要补正的全部内容；逾期不告知的，自收到申请材料之日起即为受理。',
  '申请事项属于本行政机关职权范围，申请材料齐全、符合法定形式，或者申请人按照要求提交全部补正申请材料的，予以受理。',
  '受理或者不予受理，均出具加盖本行政机关专用印章和注明日期的书面凭证。',
];
const OTHER_ACCEPTANCE = [
  '申请材料存在可以当场更正的错误的，允许申请人当场更正。',
  '申请材料不齐全或者不符合法定形式的，当场或者在五个工作日内一次性告知申请人需要补正的全部内容。',
  '申请材料齐全、符合法定形式的，予以受理。',
];

function flowSteps(flow: Flow | undefined, start?: string) {
  if (!flow) return [];
  return (start === undefined ? flow.nodes : reachableNodes(flow, start)).map((node) =>
    node.kind === 'parallel'
      ? {
          name: node.name,
          role: node.completion === 'any' ? '并联审批（或签）' : '并联审批（会签）',
          budgetDays: Math.max(0, ...node.branches.map((b) => b.steps.reduce((sum, step) => sum + step.budgetDays, 0))),
          parallel: node.branches.map((b) => b.name),
        }
      : { name: node.name, role: labelOf('flow.role', node.role), budgetDays: node.budgetDays },
  );
}

function timeLimitsOf(limits: TimeLimits | undefined) {
  const statutory = limits?.statutory;
  return {
    statutory: statutoryText(statutory),
    isUnspecified: statutory?.unspecified === true,
    anchor: anchorText(statutory),
    extension: extensionText(statutory?.extension),
    basis: basisText(statutory?.basis),
    note: workdayNote(statutory),
    statutoryExplain: statutory?.explain ?? null,
    promised: promisedText(limits?.promised),
    promisedExplain: limits?.promised?.explain ?? null,
  };
}

function feesOf(fees: Fees | undefined, form: Record<string, unknown> | undefined) {
  return {
    isFee: Boolean(fees?.isFee),
    summary: fees?.isFee ? '收费' : '不收费',
    isPayOnline: fees?.isPayOnline ?? null,
    items: (fees?.items ?? []).map((fee) => ({
      name: fee.name,
      standard: fee.standard,
      basis: basisText(fee.basis),
      waiver: fee.isWaivable ? (fee.waiverBasis ?? '可减免') : null,
      appliesWhen: fee.condition ? describeCondition(fee.condition, form) : null,
    })),
  };
}

function commitmentOf(commitment: Commitment | undefined, d: MatterDocument) {
  if (!commitment) return null;
  const letter = d.materials?.find((m) => m.id === commitment.letterMaterialId);
  const period = commitment.verification.period;
  return {
    title: '告知承诺',
    letter: letter?.name ?? commitment.letterMaterialId,
    scope: commitment.scope ?? null,
    verification: commitment.verification.method,
    verificationPeriod: `${lawDuration(period)}${period.explain ? `（${period.explain}）` : ''}`,
    onBreach: commitment.onBreach ?? null,
    basis: basisText(commitment.basis),
  };
}

function requirementsOf(requirements: Requirements, d: MatterDocument) {
  return {
    materials: requirements.materials.map((entry) => guideMaterial(entry, d)),
    timeLimits: timeLimitsOf(requirements.timeLimits),
    projectType: requirements.projectType ? labelOf('projectType', requirements.projectType) : null,
    sceneVisits: requirements.sceneVisits ?? null,
    sceneVisitsText: sceneVisitsText(requirements.sceneVisits),
    sceneVisitsReason: requirements.sceneVisitsReason ?? null,
    fees: feesOf(requirements.fees, d.form?.schema),
    commitment: commitmentOf(requirements.commitment, d),
  };
}

/** One 办理情形 on its own: when it applies, and its own materials, limits, visits, fees and steps. */
function situationOf(situation: Situation, d: MatterDocument) {
  const requirements = requirementsFor(d, [situation]);
  return {
    id: situation.id,
    name: situation.name,
    description: situation.description ?? null,
    appliesWhen: describeSituation(situation, d) || null,
    ...requirementsOf(requirements, d),
    waived: requirements.waived.map((entry) => entry.material.name),
    steps: flowSteps(d.flow, requirements.flowStart),
  };
}

const departmentName = (ref: { name: string } | undefined) => ref?.name ?? null;

const remedyOf = (remedy: NonNullable<MatterDocument['remedies']>['reconsideration']) =>
  remedy
    ? {
        body: remedy.body,
        period: remedy.period ? lawDuration(remedy.period) : null,
        periodExplain: remedy.period?.explain ?? null,
        address: remedy.address ?? null,
        phone: remedy.phone ?? null,
      }
    : null;

/**
 * The 办事指南 of a published version, as a real one prints it: identity (事项编码, 基本编码, 行使层级,
 * 权力来源), the six publics (服务内容、审批依据、办事程序、办事时限、收费标准、办事结果), acceptance
 * and 补正 rules, the materials marking only the exceptions, each 办理情形 on its own, 告知承诺 and
 * 容缺受理, channels with 到现场次数 and why, contacts and remedies with their periods. The private
 * note is never read here.
 */
export function buildGuide(version: MatterVersion) {
  const d = version.document;
  const form = d.form?.schema;
  const base = requirementsFor(d, []);
  const tolerated = d.toleratedAcceptance;
  return {
    code: version.code,
    version: version.version,
    effectiveFrom: version.effectiveFrom,
    name: d.name,
    basicInfo: {
      title: '基本信息',
      code: d.code,
      catalogCode: d.catalogCode ?? null,
      handleItemCode: d.handleItemCode ?? null,
      type: labelOf('taskType', d.type),
      department: d.department.name,
      departmentNature: d.department.nature ? labelOf('departmentNature', d.department.nature) : null,
      entrustName: d.department.entrustName ?? null,
      acceptingBody: departmentName(d.acceptingBody) ?? d.department.name,
      decidingBody: departmentName(d.decidingBody) ?? d.department.name,
      forwarding: d.forwarding ?? null,
      powerSource: d.powerSource ? labelOf('powerSource', d.powerSource) : null,
      levels: (d.levels ?? []).map((v) => labelOf('level', v)),
      coDepartments: (d.coDepartments ?? []).map((c) => c.name),
    },
    serviceContent: {
      title: '服务内容',
      type: labelOf('taskType', d.type),
      department: d.department.name,
      serviceObjects: (d.serviceObjects ?? []).map((v) => labelOf('serviceObject', v)),
      projectType: d.projectType ? labelOf('projectType', d.projectType) : null,
      windowAuthority: d.windowAuthority ? labelOf('windowAuthority', d.windowAuthority) : null,
      handleForms: (d.handleForms ?? []).map((v) => labelOf('handleForm', v)),
      acceptCondition: d.acceptCondition ?? null,
      limitExplain: d.limitExplain ?? null,
      description: d.serviceContent ?? null,
    },
    legalBasis: {
      title: '法律依据',
      items: (d.legalBasis ?? []).map((basis) => ({
        citation: basisText(basis),
        role: labelOf('legalRole', basis.role ?? 'set'),
        level: basis.level ? labelOf('lawLevel', basis.level) : null,
        text: basis.text ?? null,
      })),
    },
    acceptance: {
      title: '受理与补正',
      rules: d.type === '01' ? LICENSING_ACCEPTANCE : OTHER_ACCEPTANCE,
      basis: d.type === '01' ? '《中华人民共和国行政许可法》第三十二条（期限以工作日计算，第八十二条）' : null,
    },
    procedure: {
      title: '办事程序',
      description: d.flowDescription ?? null,
      // From the flow's start; a situation that starts elsewhere lists its own steps.
      steps: flowSteps(d.flow, d.flow?.start),
      prerequisites: (d.prerequisites ?? []).map((p) => ({ code: p.code, name: p.name, basis: basisText(p.basis) })),
      intermediaryServices: (d.intermediaryServices ?? []).map((i) => ({
        name: i.name,
        typicalDays: i.typicalDays ?? null,
        basis: basisText(i.basis),
      })),
      coDepartments: (d.coDepartments ?? []).map((c) => c.name),
      specialProcedures: (d.specialProcedures ?? []).map((sp) => ({
        name: sp.name,
        kind: labelOf('specialProcedure.kind', sp.kind),
        maxDays: sp.maxDays === undefined ? null : lawDuration({ value: sp.maxDays, unit: sp.unit }),
        isCounted: sp.isCounted,
        note: sp.isCounted ? '计入办结时限' : '不计入办结时限',
        mandatory: sp.mandatory ?? null,
        explain: sp.explain ?? null,
        basis: basisText(sp.basis),
      })),
    },
    timeLimits: { title: '办事时限', ...timeLimitsOf(d.timeLimits) },
    fees: { title: '收费标准', ...feesOf(d.fees, form) },
    result: {
      title: '办事结果',
      type: d.result?.type ?? null,
      name: d.result?.name ?? null,
      validity: d.result?.validity ?? null,
      sampleFileId: d.result?.sampleFileId ?? null,
      licenceCatalogCode: d.result?.licenceCatalogCode ?? null,
    },
    materials: {
      title: '申请材料',
      note:
        (d.situations?.length ? '以下为各办理情形均需提交的材料，各情形另需或免于提交的材料见“办理情形”。' : '') +
        '未标注的材料均须提交；标注“非必要”“容缺后补”的除外。',
      items: base.materials.map((entry) => guideMaterial(entry, d)),
    },
    guideQuestions: (d.guideQuestions ?? []).map((q) => ({
      id: q.id,
      title: q.title,
      help: q.help ?? null,
      options: q.options.map((o) => ({ value: o.value, title: o.title })),
    })),
    situations: (d.situations ?? []).map((situation) => situationOf(situation, d)),
    commitment: commitmentOf(d.commitment, d),
    toleratedAcceptance: tolerated
      ? {
          title: '容缺受理',
          materials: tolerated.materials.map((id) => d.materials?.find((m) => m.id === id)?.name ?? id),
          deadline: lawDuration(tolerated.deadline),
          onMissed: tolerated.onMissed ?? null,
          basis: basisText(tolerated.basis),
        }
      : null,
    channels: {
      title: '办理渠道',
      online: (d.online?.depth ?? []).map((v) => labelOf('onlineDepth', v)),
      url: d.online?.url ?? null,
      sceneVisits: d.online?.sceneVisits ?? null,
      sceneVisitsText: sceneVisitsText(d.online?.sceneVisits),
      sceneVisitsReason: d.online?.sceneVisitsReason ?? null,
      isEntryCenter: d.online?.isEntryCenter ?? null,
      isExpress: d.online?.isExpress ?? null,
      isSchedule: d.online?.isSchedule ?? null,
      isServiceTerminals: d.online?.isServiceTerminals ?? null,
      handleArea: d.online?.handleArea ? labelOf('handleArea', d.online.handleArea) : null,
    },
    contact: {
      title: '咨询与监督',
      address: d.contact?.address ?? null,
      hours: d.contact?.hours ?? null,
      consult: d.contact?.consult ?? [],
      supervise: d.contact?.supervise ?? [],
    },
    remedies: {
      title: '救济途径',
      reconsideration: remedyOf(d.remedies?.reconsideration),
      litigation: remedyOf(d.remedies?.litigation),
    },
    questions: d.questions ?? [],
  };
}

export type Guide = ReturnType<typeof buildGuide>;
export type GuideSituation = Guide['situations'][number];
