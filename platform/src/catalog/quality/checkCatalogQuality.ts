import type { QualityFinding, QualityInput, QualitySeverity } from './QualityRule';
import { qualityRules } from './qualityRules';
import { at, asText } from '@matterflow/schemas';

export interface QualityReport {
  rules: { rule: string; title: string; severity: QualitySeverity; count: number }[];
  findings: QualityFinding[];
  checkedMatters: number;
}

/**
 * Runs every quality rule over the given matters (normally the current version of each matter,
 * or the documents of an import file with version null). Every rule is listed, with count 0 when clean.
 */
export function checkCatalogQuality({ matters, knownDepartments }: QualityInput): QualityReport {
  const findings: QualityFinding[] = [];
  const rules = qualityRules.map((rule) => {
    const found = rule.check({ matters, knownDepartments });
    for (const { matter, pointer, message } of found) {
      findings.push({
        code: asText(matter.code) ?? asText(at(matter.document, 'code')) ?? '',
        name: asText(at(matter.document, 'name')) ?? '',
        version: matter.version,
        rule: rule.id,
        pointer,
        message,
      });
    }
    return { rule: rule.id, title: rule.title, severity: rule.severity, count: found.length };
  });
  return { rules, findings, checkedMatters: matters.length };
}
