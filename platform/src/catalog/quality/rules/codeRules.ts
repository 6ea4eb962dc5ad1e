import { isValidUscc } from '../../../departments';
import { perMatterRule, type QualityMatter, type QualityRule, type RuleFinding } from '../QualityRule';
import { at, asText } from '@matterflow/schemas';

const CODE_PATTERN = /^[0-9A-Z]{18}[0-9A-Z]{1,18}$/;
const CATALOG_CODE_PATTERN = /^[0-9A-Z]{6,12}$/;

export const codeMissing = perMatterRule(
  { id: 'code.missing', title: '缺少实施编码或基本编码', severity: 'error' },
  (matter, report) => {
    if (!asText(at(matter.document, 'code'))) report('/code', '缺少实施编码');
    if (!asText(at(matter.document, 'catalogCode'))) report('/catalogCode', '缺少基本编码，无法与国家目录对应');
  },
);

export const codeMalformed = perMatterRule(
  { id: 'code.malformed', title: '编码格式错误', severity: 'error' },
  (matter, report) => {
    const code = asText(at(matter.document, 'code'));
    const departmentCode = asText(at(matter.document, 'department', 'code'));
    const catalogCode = asText(at(matter.document, 'catalogCode'));
    if (code && !CODE_PATTERN.test(code))
      report('/code', `实施编码 ${code} 格式错误：应为 18 位统一社会信用代码加 1–18 位本级编号（大写字母或数字）`);
    if (departmentCode && !isValidUscc(departmentCode))
      report('/department/code', `实施主体编码 ${departmentCode} 不是有效的统一社会信用代码（长度、字符或校验位错误）`);
    if (code && departmentCode && !code.startsWith(departmentCode))
      report('/code', `实施编码 ${code} 应以实施主体编码 ${departmentCode} 开头`);
    if (catalogCode && !CATALOG_CODE_PATTERN.test(catalogCode))
      report('/catalogCode', `基本编码 ${catalogCode} 格式错误：应为 6–12 位大写字母或数字`);
  },
);

export const departmentUnknown = {
  id: 'department.unknown',
  title: '实施主体不是已登记的部门',
  severity: 'error',
  check({ matters, knownDepartments }) {
    const findings: RuleFinding[] = [];
    for (const matter of matters) {
      const departmentCode = asText(at(matter.document, 'department', 'code'));
      if (departmentCode && isValidUscc(departmentCode) && !knownDepartments.has(departmentCode)) {
        findings.push({ matter, pointer: '/department/code', message: `实施主体编码 ${departmentCode} 不在部门名录中` });
      }
    }
    return findings;
  },
} satisfies QualityRule;

/** The same 实施编码 twice for the same version: only an import file or a merge of catalogs can do that. */
export const codeDuplicate: QualityRule = {
  id: 'code.duplicate',
  title: '实施编码重复',
  severity: 'error',
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
export const nameInconsistent: QualityRule = {
  id: 'name.inconsistent',
  title: '同一基本编码名称不一致（三级四同）',
  severity: 'error',
  check({ matters }) {
    const byCatalogCode = new Map<string, QualityMatter[]>();
    for (const matter of matters) {
      const catalogCode = asText(at(matter.document, 'catalogCode'));
      if (!catalogCode || !asText(at(matter.document, 'name'))) continue;
      byCatalogCode.set(catalogCode, [...(byCatalogCode.get(catalogCode) ?? []), matter]);
    }
    const findings: RuleFinding[] = [];
    for (const [catalogCode, group] of byCatalogCode) {
      const counts = new Map<string, number>();
      for (const matter of group) {
        const name = normaliseName(String(at(matter.document, 'name')));
        counts.set(name, (counts.get(name) ?? 0) + 1);
      }
      if (counts.size < 2) continue;
      const summary = [...counts].map(([name, count]) => `“${name}”（${count} 项）`).join('、');
      for (const matter of group)
        findings.push({ matter, pointer: '/name', message: `基本编码 ${catalogCode} 下的事项名称不一致：${summary}` });
    }
    return findings;
  },
};

function normaliseName(name: string): string {
  return name.replace(/\s+/g, '');
}
