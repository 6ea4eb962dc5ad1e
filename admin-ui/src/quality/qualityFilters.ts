import { findingCounts, type QualityFinding, type QualityReport } from '../catalog/catalogTypes';

/** The filters the report applies in the page (the platform's are department, type and status). */
export interface FindingFilters {
  rule?: string | undefined;
  severity?: string | undefined;
  code?: string | undefined;
}

type Rule = QualityReport['rules'][number];

/** The findings that pass every filter given; `except` leaves one out (a rule's own count ignores the rule filter). */
export function filterFindings(
  report: QualityReport | undefined,
  filters: FindingFilters,
  except?: keyof FindingFilters,
): QualityFinding[] {
  const severity = new Map((report?.rules ?? []).map((rule) => [rule.rule, rule.severity]));
  const wants = (key: keyof FindingFilters) => (key === except ? undefined : filters[key]);
  return (report?.findings ?? []).filter(
    (finding) =>
      (!wants('rule') || finding.rule === wants('rule')) &&
      (!wants('severity') || severity.get(finding.rule) === wants('severity')) &&
      (!wants('code') || finding.code === wants('code')),
  );
}

/**
 * The rules that have findings under the other filters, each with its count there: the rule
 * table and the rule choice offer only what the clerk can find, counted as the list will show it.
 */
export function rulesPresent(report: QualityReport | undefined, filters: FindingFilters): Rule[] {
  const counts = new Map<string, number>();
  for (const finding of filterFindings(report, filters, 'rule')) counts.set(finding.rule, (counts.get(finding.rule) ?? 0) + 1);
  return (report?.rules ?? [])
    .filter((rule) => counts.has(rule.rule))
    .map((rule) => ({ ...rule, count: counts.get(rule.rule) ?? 0 }));
}

/**
 * The headline counts of the findings shown: matters with an open error, matters with an open error
 * or warning (info is a suggestion, not a problem of the matter: `findingCounts`), open findings.
 */
export function findingTotals(report: QualityReport | undefined, findings: readonly QualityFinding[]) {
  const counts = report ? findingCounts({ ...report, findings: [...findings] }) : new Map<string, { error: number }>();
  return {
    withErrors: [...counts.values()].filter((count) => count.error > 0).length,
    withFindings: counts.size,
    open: findings.filter((finding) => !finding.accepted).length,
  };
}
