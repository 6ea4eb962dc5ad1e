import { describeCondition, type EffectiveMaterial, type Material, type MatterDocument } from '@matterflow/schemas';
import { basisText } from './guideText';

export interface GuideMaterial {
  id: string;
  name: string;
  /** Only the exceptions: 非必要, 容缺后补, 信息免交; null for the ordinary required material. */
  mark: string | null;
  /** What the applicant hands in: “免提交（窗口调取电子证照）”, “原件 1份（纸质或电子）”, “在线填报”. */
  submission: string;
  type: string | null;
  format: string | null;
  copies: number | null;
  pageFormat: string | null;
  source: string | null;
  issuedBy: string | null;
  licenceCatalogCode: string | null;
  fillExplain: string | null;
  blankFormFileId: string | null;
  exampleFileId: string | null;
  acceptStandard: string | null;
  basis: string | null;
  /** The material's own 办理情形 in words; null when every applicant of the list needs it. */
  appliesWhen: string | null;
}

export const FETCHED = '免提交（窗口调取电子证照）';

function submissionOf(material: Material): string {
  if (material.source === '调取电子证照库') return FETCHED;
  if (material.source === '在线填报') return '在线填报';
  if (material.necessity === '信息免交') return '免提交（部门信息共享）';
  const kind = material.type ?? '';
  const copies = material.copies === undefined ? '' : material.copies === 0 ? '（现场核验，不收取）' : ` ${material.copies}份`;
  const format = material.format ? `（${material.format}）` : '';
  return `${kind}${copies}${format}`.trim() || '按要求提交';
}

/** One line of the 申请材料 table of a 办事指南. */
export function guideMaterial(entry: EffectiveMaterial, document: MatterDocument): GuideMaterial {
  const { material } = entry;
  const necessity = material.necessity && material.necessity !== '必要' ? material.necessity : null;
  return {
    id: material.id,
    name: material.name,
    mark: entry.isTolerated && necessity === null ? '容缺后补' : necessity,
    submission: submissionOf(material),
    type: material.type ?? null,
    format: material.format ?? null,
    copies: material.copies ?? null,
    pageFormat: material.pageFormat ?? null,
    source: material.source ?? null,
    issuedBy: material.issuedBy ?? null,
    licenceCatalogCode: material.licenceCatalogCode ?? null,
    fillExplain: material.fillExplain ?? null,
    blankFormFileId: material.blankFormFileId ?? null,
    exampleFileId: material.exampleFileId ?? null,
    acceptStandard: material.acceptStandard ?? null,
    basis: basisText(material.basis),
    appliesWhen:
      material.condition === undefined
        ? null
        : (material.conditionText ?? describeCondition(material.condition, document.form?.schema)),
  };
}
