import { asText, at, formatDuration, labelOf } from '@matterflow/schemas';
import { normaliseLawName, resolveLaw } from '../../../laws';
import { settingBasisRefs } from '../../rules';
import type { QualityMatter, QualityRule, RuleFinding } from '../QualityRule';
import { normaliseName, sameUnderCatalogCode } from './sameUnderCatalogCode';

/** 三级四同: one 基本编码 is one type of power (a 行政许可 here cannot be a 行政确认 elsewhere). */
export const typeInconsistent = sameUnderCatalogCode({
  id: 'type.inconsistent',
  title: '同一基本编码事项类型不一致（三级四同）',
  severity: 'error',
  pointer: '/type',
  element: '事项类型',
  valueOf: (document) => {
    const type = asText(at(document, 'type'));
    return type === undefined ? undefined : { key: type, label: labelOf('taskType', type) };
  },
});

/**
 * 三级四同: the same 设定依据 (the laws, by register entry or name; articles may be cited more or less
 * finely). A local 实施依据 may differ, so only the setting bases count.
 */
export const basisInconsistent = sameUnderCatalogCode({
  id: 'basis.inconsistent',
  title: '同一基本编码设定依据不一致（三级四同）',
  severity: 'warning',
  pointer: '/legalBasis',
  element: '设定依据',
  valueOf: (document, { laws }) => {
    const names = settingBasisRefs(document).map(
      ({ ref }) => resolveLaw(laws, ref)?.name ?? normaliseLawName(asText(ref.lawName) ?? ''),
    );
    if (names.length === 0) return undefined;
    const unique = [...new Set(names)].sort();
    return { key: unique.join('|'), label: unique.map((name) => `《${name}》`).join('') };
  },
});

/** 三级四同: the statutory limit is the law's, the same wherever the matter is implemented. */
export const limitInconsistent = sameUnderCatalogCode({
  id: 'limit.inconsistent',
  title: '同一基本编码法定时限不一致（三级四同）',
  severity: 'warning',
  pointer: '/timeLimits/statutory',
  element: '法定办结时限',
  valueOf: (document) => {
    const statutory = at(document, 'timeLimits', 'statutory');
    if (at(statutory, 'unspecified') === true) return { key: 'unspecified', label: '法律未规定' };
    const value = at(statutory, 'value');
    if (typeof value !== 'number') return undefined;
    const unit = asText(at(statutory, 'unit'));
    return { key: `${value}${unit ?? ''}`, label: formatDuration({ value, unit }) };
  },
});

/** One matter under two 基本编码: the national catalog lists it once, so one of the codes is wrong. */
export const nameMultipleCodes: QualityRule = {
  id: 'name.multiple_codes',
  title: '同一事项名称对应多个基本编码',
  severity: 'warning',
  scope: 'catalog',
  check({ matters }) {
    const byName = new Map<string, { matter: QualityMatter; catalogCode: string }[]>();
    for (const matter of matters) {
      const name = asText(at(matter.document, 'name'));
      const catalogCode = asText(at(matter.document, 'catalogCode'));
      if (!name || !catalogCode) continue;
      const key = normaliseName(name);
      const group = byName.get(key);
      if (group) group.push({ matter, catalogCode });
      else byName.set(key, [{ matter, catalogCode }]);
    }
    const findings: RuleFinding[] = [];
    for (const [name, group] of byName) {
      const codes = [...new Set(group.map((member) => member.catalogCode))].sort();
      if (codes.length < 2) continue;
      for (const { matter } of group)
        findings.push({ matter, pointer: '/catalogCode', message: `事项“${name}”对应多个基本编码：${codes.join('、')}` });
    }
    return findings;
  },
};
