import type { FieldIssue } from '@matterflow/schemas';

/** One matter version as the quality check sees it; the document may be dirty (an import file). */
export interface QualityMatter {
  code: string;
  /** null for matters not yet stored (an import file being checked). */
  version: number | null;
  status: string;
  document: unknown;
}

export type QualitySeverity = 'error' | 'warning' | 'info';

export interface QualityFinding {
  code: string;
  name: string;
  version: number | null;
  rule: string;
  pointer: string;
  message: string;
}

export interface QualityInput {
  matters: readonly QualityMatter[];
  knownDepartments: ReadonlySet<string>;
}

/** What a rule reports; checkCatalogQuality adds the matter's code, name, version and the rule id. */
export interface RuleFinding {
  matter: QualityMatter;
  pointer: string;
  message: string;
}

export interface QualityRule {
  id: string;
  /** Chinese, shown to legal-affairs staff. */
  title: string;
  severity: QualitySeverity;
  check(input: QualityInput): RuleFinding[];
}

/** A rule that looks at one matter at a time. */
export function perMatterRule(
  rule: Omit<QualityRule, 'check'>,
  check: (matter: QualityMatter, report: (pointer: string, message: string) => void) => void,
): QualityRule {
  return {
    ...rule,
    check({ matters }) {
      const findings: RuleFinding[] = [];
      for (const matter of matters) check(matter, (pointer, message) => findings.push({ matter, pointer, message }));
      return findings;
    },
  };
}

/**
 * A rule backed by one of the shared rules of law (catalog/rules), which the publish checks and the
 * import call too: it reports the issues whose code is its own id, so one code means one rule everywhere.
 */
export function sharedRule(
  rule: Omit<QualityRule, 'check'>,
  check: (document: unknown, input: QualityInput) => readonly FieldIssue[],
): QualityRule {
  return {
    ...rule,
    check(input) {
      const findings: RuleFinding[] = [];
      for (const matter of input.matters) {
        for (const { code, pointer, message } of check(matter.document, input))
          if (code === rule.id) findings.push({ matter, pointer, message });
      }
      return findings;
    },
  };
}
