import { at, asText } from '@matterflow/schemas';
import { checkCodeFormat, checkDepartmentKnown } from '../../rules';
import { perMatterRule, sharedRule, type QualityMatter, type QualityRule, type RuleFinding } from '../QualityRule';
import { normaliseName, sameUnderCatalogCode } from './sameUnderCatalogCode';

export const codeMissing = perMatterRule(
  { id: 'code.missing', title: '缺少实施编码或基本编码', severity: 'error' },
  (matter, report) => {
    if (!asText(at(matter.document, 'code'))) report('/code', '缺少实施编码');
    if (!asText(at(matter.document, 'catalogCode'))) report('/catalogCode', '缺少基本编码，无法与国家目录对应');
  },
);

export const codeMalformed = sharedRule({ id: 'code.malformed', title: '编码格式错误', severity: 'error' }, checkCodeFormat);

export const codePrefixMismatch = sharedRule(
  { id: 'code.prefix_mismatch', title: '实施编码未以实施主体编码开头', severity: 'error' },
  checkCodeFormat,
);

export const departmentInvalid = sharedRule(
  { id: 'department.invalid', title: '实施主体编码不是有效的统一社会信用代码', severity: 'error' },
  checkCodeFormat,
);

export const departmentUnknown = sharedRule(
  { id: 'department.unknown', title: '实施主体不是已登记的部门', severity: 'error' },
  (document, { knownDepartments }) => checkDepartmentKnown({ document, knownDepartments }),
);

/** The same 实施编码 twice for the same version: only an import file or a merge of catalogs can do that. */
export const codeDuplicate: QualityRule = {
  id: 'code.duplicate',
  title: '实施编码重复',
  severity: 'error',
  scope: 'catalog',
  check({ matters }) {
    const seen = new Map<string, QualityMatter>();
    const findings: RuleFinding[] = [];
    for (const matter of matters) {
      const code = asText(at(matter.document, 'code')) ?? asText(matter.code);
      if (!code) continue;
      const key = `${code}#${matter.version ?? ''}`;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, matter);
        continue;
      }
      const firstName = asText(at(first.document, 'name')) ?? '';
      findings.push({ matter, pointer: '/code', message: `实施编码 ${code} 已被“${firstName}”使用` });
    }
    return findings;
  },
};

/** 三级四同: one 基本编码 means one matter, so it must carry one name everywhere. */
export const nameInconsistent: QualityRule = sameUnderCatalogCode({
  id: 'name.inconsistent',
  title: '同一基本编码名称不一致（三级四同）',
  severity: 'error',
  pointer: '/name',
  element: '事项名称',
  valueOf: (document) => {
    const name = asText(at(document, 'name'));
    return name === undefined ? undefined : { key: normaliseName(name), label: `“${normaliseName(name)}”` };
  },
});
