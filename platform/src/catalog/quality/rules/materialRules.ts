import { perMatterRule } from '../QualityRule';
import { canonicalMaterialName, isIssuedLicence } from './materialNames';
import { asList, at, asObject, asText } from '@matterflow/schemas';

export const materialBasisMissing = perMatterRule(
  { id: 'material.basis_missing', title: '申请材料缺少要求依据', severity: 'warning' },
  (matter, report) => {
    asList(at(matter.document, 'materials')).forEach((material, i) => {
      if (!asObject(at(material, 'basis')))
        report(`/materials/${i}/basis`, `申请材料“${nameOf(material)}”没有要求依据，属于可清理的材料`);
    });
  },
);

export const materialAcceptStandardMissing = perMatterRule(
  { id: 'material.accept_standard_missing', title: '申请材料缺少受理标准', severity: 'warning' },
  (matter, report) => {
    asList(at(matter.document, 'materials')).forEach((material, i) => {
      if (!asText(at(material, 'acceptStandard')))
        report(`/materials/${i}/acceptStandard`, `申请材料“${nameOf(material)}”没有受理标准，窗口无法统一审核`);
    });
  },
);

/**
 * The same material twice in one matter, also under another name (身份证 and 居民身份证明 are one
 * material: quality/materialNames.json). Two entries under different 办理情形 (conditions) may
 * legitimately share a name, so only entries with the same condition count.
 */
export const materialDuplicate = perMatterRule(
  { id: 'material.duplicate', title: '同一材料重复要求', severity: 'warning' },
  (matter, report) => {
    const seen = new Map<string, number>();
    asList(at(matter.document, 'materials')).forEach((material, i) => {
      const name = asText(at(material, 'name'));
      if (!name) return;
      const key = `${canonicalMaterialName(name)}#${JSON.stringify(at(material, 'condition') ?? null)}`;
      const first = seen.get(key);
      if (first === undefined) seen.set(key, i);
      else report(`/materials/${i}/name`, `申请材料“${name}”与第 ${first + 1} 项重复`);
    });
  },
);

export const materialFetchable = perMatterRule(
  { id: 'material.fetchable', title: '可由部门共享获取的材料', severity: 'info' },
  (matter, report) => {
    asList(at(matter.document, 'materials')).forEach((material, i) => {
      if (at(material, 'source') !== '政府部门核发') return;
      const issuer = asText(at(material, 'issuedBy'));
      report(
        `/materials/${i}/source`,
        `申请材料“${nameOf(material)}”由${issuer ?? '政府部门'}核发，可通过部门共享或电子证照库调取，免于申请人提交`,
      );
    });
  },
);

function nameOf(material: unknown): string {
  return asText(at(material, 'name')) ?? '（未命名）';
}

/**
 * 证照 a government body issued (营业执照, 居民身份证, 不动产权证书…, quality/materialNames.json) marked as
 * brought by the applicant: the government has them already and should fetch them (部门共享 or the
 * 电子证照库) instead of asking for them.
 */
export const materialLicenceSelfProvided = perMatterRule(
  { id: 'material.licence_self_provided', title: '政府核发的证照由申请人自备', severity: 'warning' },
  (matter, report) => {
    asList(at(matter.document, 'materials')).forEach((material, i) => {
      const name = asText(at(material, 'name'));
      if (at(material, 'source') !== '申请人自备' || !name || !isIssuedLicence(name)) return;
      report(`/materials/${i}/source`, `申请材料“${name}”是政府部门核发的证照，应通过部门共享或电子证照库调取，不应由申请人自备`);
    });
  },
);
