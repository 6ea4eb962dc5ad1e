import type { QualityFinding, QualityInput, QualityMatter, QualitySeverity } from './QualityRule';
import { resolveQualityInput } from './QualityRule';
import { qualityRules } from './qualityRules';
import { at, asText } from '@matterflow/schemas';

export interface QualityReport {
  rules: { rule: string; title: string; severity: QualitySeverity; count: number }[];
  findings: QualityFinding[];
  checkedMatters: number;
}

const severityOf = new Map(qualityRules.map((rule) => [rule.id, rule.severity]));

/** The severity of a quality rule by id (undefined for a code that is not a quality rule). */
export function qualitySeverity(rule: string): QualitySeverity | undefined {
  return severityOf.get(rule);
}

function findingOf(matter: QualityMatter, rule: string, pointer: string, message: string): QualityFinding {
  return {
    code: asText(matter.code) ?? asText(at(matter.document, 'code')) ?? '',
    name: asText(at(matter.document, 'name')) ?? '',
    version: matter.version,
    rule,
    pointer,
    message,
  };
}

/**
 * Runs every quality rule over the given matters (normally the newest version of each matter,
 * or the documents of an import file with version null). Every rule is listed, with count 0 when
 * clean. Rules comparing matters (三级四同, 互为前置…) also see `catalog`: the rest of the catalog
 * (slim documents, listSlimCatalog), so a department administrator's report or one matter's publish
 * finds a cycle or a mismatch that runs through other departments' matters. Only findings on the
 * given matters are reported.
 */
export function checkCatalogQuality(
  input: QualityInput,
  { catalog = [] }: { catalog?: readonly QualityMatter[] } = {},
): QualityReport {
  const alone = resolveQualityInput(input);
  const given = new Set(input.matters.map((matter) => matter.code));
  const together =
    catalog.length === 0
      ? alone
      : { ...alone, matters: [...alone.matters, ...catalog.filter((other) => !given.has(other.code))] };
  const reported = new Set(input.matters);
  const findings: QualityFinding[] = [];
  const rules = qualityRules.map((rule) => {
    const found = rule.check(rule.scope === 'catalog' ? together : alone).filter(({ matter }) => reported.has(matter));
    for (const { matter, pointer, message } of found) findings.push(findingOf(matter, rule.id, pointer, message));
    return { rule: rule.id, title: rule.title, severity: rule.severity, count: found.length };
  });
  return { rules, findings, checkedMatters: input.matters.length };
}

/** The error-level findings on one matter version, as submit and publish see them. */
export function matterQualityErrors({
  matter,
  catalog,
  ...context
}: Omit<QualityInput, 'matters'> & { matter: QualityMatter; catalog: readonly QualityMatter[] }): QualityFinding[] {
  return checkCatalogQuality({ ...context, matters: [matter] }, { catalog }).findings.filter(
    (finding) => qualitySeverity(finding.rule) === 'error',
  );
}
