/** One row of `GET /api/matters` (the newest version a staff member may see). */
export interface MatterRow {
  code: string;
  version: number;
  status: string;
  name: string;
  type: string;
  departmentCode: string;
  departmentName: string;
  levels: string[];
  effectiveFrom: string | null;
  cancelAt: string | null;
  updatedAt: string;
  projectType: string | null;
}

export interface MatterPage {
  items: MatterRow[];
  total: number;
  page: number;
  pageSize: number;
}

export interface QualityFinding {
  code: string;
  name: string;
  version: number | null;
  rule: string;
  pointer: string;
  message: string;
  accepted?: { reason: string; byName: string; at: string };
}

export interface QualityReport {
  checkedMatters: number;
  rules: { rule: string; title: string; severity: 'error' | 'warning' | 'info'; count: number }[];
  findings: QualityFinding[];
}

export interface Department {
  code: string;
  name: string;
  shortName: string | null;
  region: string;
}

/** Open quality findings per matter code, by severity (accepted risks are not open). */
export function findingCounts(report: QualityReport | undefined): Map<string, { error: number; warning: number }> {
  const counts = new Map<string, { error: number; warning: number }>();
  if (!report) return counts;
  const severity = new Map(report.rules.map((rule) => [rule.rule, rule.severity]));
  for (const finding of report.findings) {
    if (finding.accepted) continue;
    const level = severity.get(finding.rule);
    if (level !== 'error' && level !== 'warning') continue;
    const entry = counts.get(finding.code) ?? { error: 0, warning: 0 };
    entry[level] += 1;
    counts.set(finding.code, entry);
  }
  return counts;
}
