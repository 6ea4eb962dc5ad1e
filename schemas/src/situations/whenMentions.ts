import { escapePointer } from '../fieldIssues';

type Schema = Record<string, unknown>;

const isSchema = (value: unknown): value is Schema => typeof value === 'object' && value !== null && !Array.isArray(value);

export interface WhenMention {
  /** The question id named in `properties` or `required`. */
  questionId: string;
  pointer: string;
  /** Option values it compares with (`const`, `enum`, `not.const`), each with its pointer. */
  values: { value: unknown; pointer: string }[];
}

function valuesOf(rule: Schema, pointer: string): { value: unknown; pointer: string }[] {
  const values: { value: unknown; pointer: string }[] = [];
  if ('const' in rule) values.push({ value: rule.const, pointer: `${pointer}/const` });
  if (Array.isArray(rule.enum)) rule.enum.forEach((value, i) => values.push({ value, pointer: `${pointer}/enum/${i}` }));
  if (isSchema(rule.not)) values.push(...valuesOf(rule.not, `${pointer}/not`));
  return values;
}

/**
 * The questions and option values a situation's `when` names, through allOf/anyOf/oneOf/not/if/then/else,
 * so the checks can refuse a `when` that asks about a question the matter does not put (it would
 * never hold, and the situation would silently never apply).
 */
export function whenMentions(when: unknown, pointer: string): WhenMention[] {
  if (!isSchema(when)) return [];
  const found: WhenMention[] = [];
  if (isSchema(when.properties)) {
    for (const [questionId, rule] of Object.entries(when.properties)) {
      const at = `${pointer}/properties/${escapePointer(questionId)}`;
      found.push({ questionId, pointer: at, values: isSchema(rule) ? valuesOf(rule, at) : [] });
    }
  }
  if (Array.isArray(when.required)) {
    when.required.forEach((questionId, i) => {
      if (typeof questionId === 'string') found.push({ questionId, pointer: `${pointer}/required/${i}`, values: [] });
    });
  }
  for (const keyword of ['allOf', 'anyOf', 'oneOf'] as const) {
    const list = when[keyword];
    if (Array.isArray(list)) list.forEach((sub, i) => found.push(...whenMentions(sub, `${pointer}/${keyword}/${i}`)));
  }
  for (const keyword of ['not', 'if', 'then', 'else'] as const) {
    if (isSchema(when[keyword])) found.push(...whenMentions(when[keyword], `${pointer}/${keyword}`));
  }
  return found;
}
