import type { MatterVersion } from '../MatterVersion';
import { describeCondition, formatDuration, labelOf, type Duration, type Flow, type LegalRef } from '@matterflow/schemas';

function durationText(duration: Partial<Duration> | undefined): string | null {
  if (!duration || typeof duration.value !== 'number') return null;
  if (duration.value === 0) return '即时办结';
  return formatDuration({ value: duration.value, unit: duration.unit });
}

function basisText(basis: LegalRef | undefined): string | null {
  if (!basis) return null;
  const articles = Array.isArray(basis.articles) && basis.articles.length ? basis.articles.join('、') : '';
  return [`《${basis.lawName}》`, basis.docNumber ? `（${basis.docNumber}）` : '', articles].join('');
}

function flowSteps(flow: Flow | undefined): { name: string; role: string; budgetDays: number; parallel?: string[] }[] {
  if (!flow) return [];
  return flow.nodes.map((node) =>
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

/**
 * The 办事指南 of a published version: the six publics (服务内容、审批依据、办事程序、办事时限、
 * 收费标准、办事结果), the materials with their 办理情形 in words, contacts and remedies.
 */
export function buildGuide(version: MatterVersion) {
  const d = version.document;
  const form = d.form?.schema;
  return {
    code: version.code,
    version: version.version,
    effectiveFrom: version.effectiveFrom,
    name: d.name,
    serviceContent: {
      title: '服务内容',
      type: labelOf('taskType', d.type),
      department: d.department?.name,
      serviceObjects: (d.serviceObjects ?? []).map((v) => labelOf('serviceObject', v)),
      projectType: d.projectType ? labelOf('projectType', d.projectType) : null,
      windowAuthority: d.windowAuthority ? labelOf('windowAuthority', d.windowAuthority) : null,
      handleForms: (d.handleForms ?? []).map((v) => labelOf('handleForm', v)),
      acceptCondition: d.acceptCondition ?? null,
      limitExplain: d.limitExplain ?? null,
      description: d.serviceContent ?? null,
    },
    legalBasis: {
      title: '审批依据',
      items: (d.legalBasis ?? []).map((basis) => ({ citation: basisText(basis), text: basis.text ?? null })),
    },
    procedure: {
      title: '办事程序',
      description: d.flowDescription ?? null,
      steps: flowSteps(d.flow),
      prerequisites: (d.prerequisites ?? []).map((p) => ({ code: p.code, name: p.name, basis: basisText(p.basis) })),
      intermediaryServices: (d.intermediaryServices ?? []).map((i) => ({
        name: i.name,
        typicalDays: i.typicalDays ?? null,
        basis: basisText(i.basis),
      })),
      coDepartments: (d.coDepartments ?? []).map((c) => c.name),
      specialProcedures: (d.specialProcedures ?? []).map((sp) => ({
        name: sp.name,
        maxDays: durationText({ value: sp.maxDays, unit: sp.unit }),
        isCounted: sp.isCounted,
        note: sp.isCounted ? '计入办结时限' : '不计入办结时限',
        basis: basisText(sp.basis),
      })),
    },
    timeLimits: {
      title: '办事时限',
      statutory: durationText(d.timeLimits?.statutory),
      statutoryExplain: d.timeLimits?.statutory?.explain ?? null,
      promised: durationText(d.timeLimits?.promised),
      promisedExplain: d.timeLimits?.promised?.explain ?? null,
    },
    fees: {
      title: '收费标准',
      isFee: Boolean(d.fees?.isFee),
      summary: d.fees?.isFee ? '收费' : '不收费',
      items: (d.fees?.items ?? []).map((fee) => ({
        name: fee.name,
        standard: fee.standard,
        basis: basisText(fee.basis),
        waiver: fee.isWaivable ? (fee.waiverBasis ?? '可减免') : null,
        appliesWhen: fee.condition ? describeCondition(fee.condition, form) : null,
      })),
    },
    result: {
      title: '办事结果',
      type: d.result?.type ?? null,
      name: d.result?.name ?? null,
      validity: d.result?.validity ?? null,
    },
    materials: (d.materials ?? []).map((m) => ({
      name: m.name,
      type: m.type ?? null,
      format: m.format ?? null,
      copies: m.copies ?? null,
      necessity: m.necessity ?? null,
      source: m.source ?? null,
      acceptStandard: m.acceptStandard ?? null,
      basis: basisText(m.basis),
      appliesWhen: m.condition ? (m.conditionText ?? describeCondition(m.condition, form)) : '所有情形',
    })),
    channels: {
      online: (d.online?.depth ?? []).map((v) => labelOf('onlineDepth', v)),
      sceneVisits: d.online?.sceneVisits ?? null,
      isExpress: d.online?.isExpress ?? null,
      isSchedule: d.online?.isSchedule ?? null,
      handleArea: d.online?.handleArea ? labelOf('handleArea', d.online.handleArea) : null,
    },
    contact: {
      address: d.contact?.address ?? null,
      hours: d.contact?.hours ?? null,
      consult: d.contact?.consult ?? [],
      supervise: d.contact?.supervise ?? [],
    },
    remedies: d.remedies ?? null,
    questions: d.questions ?? [],
  };
}

export type Guide = ReturnType<typeof buildGuide>;
