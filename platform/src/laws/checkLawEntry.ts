import { metaSchemas, toFieldIssues, type FieldIssue, type LawEntry } from '@matterflow/schemas';

/**
 * An entry as the register may store it: law.schema.json, a replacement that is itself in the
 * register (a repealed basis must say what to cite instead), and dates in order.
 */
export function checkLawEntry(entry: unknown, { knownIds }: { knownIds: ReadonlySet<string> }): FieldIssue[] {
  const validate = metaSchemas().law;
  if (!validate(entry)) return toFieldIssues(validate.errors);
  const law = entry as LawEntry;
  const issues: FieldIssue[] = [];
  if (law.replacedBy !== undefined && (law.replacedBy === law.id || !knownIds.has(law.replacedBy))) {
    issues.push({
      pointer: '/replacedBy',
      code: 'law.replaced_by_unknown',
      message: `替代它的“${law.replacedBy}”不是法规库中的另一条目`,
    });
  }
  if (law.repealedOn !== undefined && law.effectiveFrom !== undefined && law.repealedOn < law.effectiveFrom) {
    issues.push({
      pointer: '/repealedOn',
      code: 'date.range_reversed',
      message: `废止日期 ${law.repealedOn} 早于施行日期 ${law.effectiveFrom}`,
    });
  }
  return issues;
}
