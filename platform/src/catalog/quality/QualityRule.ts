import { WorkCalendar, type FieldIssue } from '@matterflow/schemas';
import { EMPTY_LAW_REGISTER, type LawRegister } from '../../laws';

/** One matter version as the quality check sees it; the document may be dirty (an import file). */
export interface QualityMatter {
  code: string;
  /** null for matters not yet stored (an import file being checked). */
  version: number | null;
  status: string;
  document: unknown;
}

export type QualitySeverity = 'error' | 'warning' | 'info';

/** Legal-affairs' recorded decision to publish over an error-level finding (docs/quality.md). */
export interface AcceptedRisk {
  reason: string;
  /** User name, and the name shown. */
  by: string;
  byName: string;
  at: string;
  /** The version the risk was accepted for. */
  version: number;
}

export interface QualityFinding {
  code: string;
  name: string;
  version: number | null;
  rule: string;
  pointer: string;
  message: string;
  /** Present when legal accepted the risk for this version: the finding stays, marked. */
  accepted?: AcceptedRisk;
}

/** What the rules read besides the matters: the directory, the law register, the calendar, today. */
export interface QualityContext {
  knownDepartments: ReadonlySet<string>;
  /** Levels and repeals of the bases; without it no basis resolves and the law rules stay silent. */
  laws?: LawRegister;
  /** The region's working-day calendar for every duration comparison; plain weeks without it. */
  calendar?: WorkCalendar;
  /** deps.clock.today(): a basis repealed on or before it is repealed. Without it no repeal counts. */
  today?: string;
}

export interface QualityInput extends QualityContext {
  matters: readonly QualityMatter[];
}

/** The input with every part present, as the rules get it. */
export type ResolvedQualityInput = Required<QualityInput>;

const PLAIN_WEEKS = new WorkCalendar([]);

export function resolveQualityInput(input: QualityInput): ResolvedQualityInput {
  return {
    matters: input.matters,
    knownDepartments: input.knownDepartments,
    laws: input.laws ?? EMPTY_LAW_REGISTER,
    calendar: input.calendar ?? PLAIN_WEEKS,
    today: input.today ?? '0000-01-01',
  };
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
  /**
   * 'catalog': the rule compares matters with each other (三级四同, 互为前置…), so it needs the whole
   * catalog, not one matter; publishing runs it over the catalog with the matter's new version in it.
   */
  scope?: 'catalog';
  check(input: ResolvedQualityInput): RuleFinding[];
}

/** A rule that looks at one matter at a time. */
export function perMatterRule(
  rule: Omit<QualityRule, 'check' | 'scope'>,
  check: (matter: QualityMatter, report: (pointer: string, message: string) => void, input: ResolvedQualityInput) => void,
): QualityRule {
  return {
    ...rule,
    check(input) {
      const findings: RuleFinding[] = [];
      for (const matter of input.matters) check(matter, (pointer, message) => findings.push({ matter, pointer, message }), input);
      return findings;
    },
  };
}

/**
 * A rule backed by one of the shared rules of law (catalog/rules), which the publish checks and the
 * import call too: it reports the issues whose code is its own id, so one code means one rule everywhere.
 */
export function sharedRule(
  rule: Omit<QualityRule, 'check' | 'scope'>,
  check: (document: unknown, input: ResolvedQualityInput) => readonly FieldIssue[],
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
