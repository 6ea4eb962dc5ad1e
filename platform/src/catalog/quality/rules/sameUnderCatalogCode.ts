import { asText, at } from '@matterflow/schemas';
import type { QualityMatter, QualityRule, QualitySeverity, ResolvedQualityInput, RuleFinding } from '../QualityRule';

export function normaliseName(name: string): string {
  return name.replace(/\s+/g, '');
}

/**
 * 三级四同: one 基本编码 is one matter of the national catalog, so at every level (and in every
 * department) it carries the same name, type, 设定依据 and statutory limit. A rule of this shape
 * groups the catalog by 基本编码 and reports every member of a group whose element takes more than
 * one value, naming the values and how many matters hold each.
 */
export function sameUnderCatalogCode(rule: {
  id: string;
  title: string;
  severity: QualitySeverity;
  pointer: string;
  /** The element in Chinese, for the message. */
  element: string;
  /** The element's comparable key and how to show it; undefined when the matter does not state it. */
  valueOf: (document: unknown, input: ResolvedQualityInput) => { key: string; label: string } | undefined;
}): QualityRule {
  return {
    id: rule.id,
    title: rule.title,
    severity: rule.severity,
    scope: 'catalog',
    check(input) {
      const { matters } = input;
      const groups = new Map<string, { matter: QualityMatter; key: string; label: string }[]>();
      for (const matter of matters) {
        const catalogCode = asText(at(matter.document, 'catalogCode'));
        const value = rule.valueOf(matter.document, input);
        if (!catalogCode || !value) continue;
        const group = groups.get(catalogCode);
        if (group) group.push({ matter, ...value });
        else groups.set(catalogCode, [{ matter, ...value }]);
      }
      const findings: RuleFinding[] = [];
      for (const [catalogCode, group] of groups) {
        const counts = new Map<string, { label: string; count: number }>();
        for (const { key, label } of group) counts.set(key, { label, count: (counts.get(key)?.count ?? 0) + 1 });
        if (counts.size < 2) continue;
        const summary = [...counts.values()].map(({ label, count }) => `${label}（${count} 项）`).join('、');
        for (const { matter } of group)
          findings.push({
            matter,
            pointer: rule.pointer,
            message: `基本编码 ${catalogCode} 下的${rule.element}不一致：${summary}`,
          });
      }
      return findings;
    },
  };
}
