import type { JsonObject } from '../editor/SectionProps';
import { isJsonObject } from './isJsonObject';

/** 等于 · 属于其中之一 · 已填写 · 为是 · 为否: what a clerk can pick without writing JSON Schema. */
export type ClauseOperator = 'equals' | 'oneOf' | 'filled' | 'isTrue' | 'isFalse';

export interface Clause {
  field: string;
  operator: ClauseOperator;
  /** The compared values: one for 等于, one or more for 属于其中之一, none otherwise. */
  values: unknown[];
}

export const OPERATOR_LABELS: Record<ClauseOperator, string> = {
  equals: '等于',
  oneOf: '属于其中之一',
  filled: '已填写',
  isTrue: '为是',
  isFalse: '为否',
};

const onlyKeys = (value: JsonObject, allowed: string[]) => Object.keys(value).every((key) => allowed.includes(key));

function ruleOf(clause: Clause): JsonObject | undefined {
  switch (clause.operator) {
    case 'equals':
      return { const: clause.values[0] };
    case 'oneOf':
      return { enum: clause.values };
    case 'isTrue':
      return { const: true };
    case 'isFalse':
      return { const: false };
    case 'filled':
      return undefined;
  }
}

/** One clause alone, in the seed catalog's shape: the rule and `required`, so an unanswered field does not count as met. */
function clauseSchema(clause: Clause): JsonObject {
  const rule = ruleOf(clause);
  return { ...(rule ? { properties: { [clause.field]: rule } } : {}), required: [clause.field] };
}

/**
 * The JSON Schema condition of these clauses, all of which must hold; undefined for none (always
 * applies). Clauses on different fields share one object as the seed catalog writes them; a field
 * named twice, or a 已填写 beside a comparison, takes allOf: one object cannot say both, and the
 * guide's wording (describeCondition) reads `required` only where there are no `properties`.
 */
export function conditionOf(clauses: readonly Clause[]): JsonObject | undefined {
  const first = clauses[0];
  if (!first) return undefined;
  if (clauses.length === 1) return clauseSchema(first);
  const fields = new Set(clauses.map((clause) => clause.field));
  const canShare = fields.size === clauses.length && clauses.every((clause) => clause.operator !== 'filled');
  if (!canShare) return { allOf: clauses.map(clauseSchema) };
  return {
    properties: Object.fromEntries(clauses.map((clause) => [clause.field, ruleOf(clause)])),
    required: clauses.map((clause) => clause.field),
  };
}

function ruleClause(field: string, rule: unknown): Clause | undefined {
  if (!isJsonObject(rule)) return undefined;
  if (onlyKeys(rule, ['const']) && 'const' in rule) {
    if (rule.const === true) return { field, operator: 'isTrue', values: [] };
    if (rule.const === false) return { field, operator: 'isFalse', values: [] };
    return { field, operator: 'equals', values: [rule.const] };
  }
  if (onlyKeys(rule, ['enum']) && Array.isArray(rule.enum) && rule.enum.length > 0) {
    return { field, operator: 'oneOf', values: rule.enum };
  }
  return undefined;
}

function flatClauses(condition: JsonObject): Clause[] | undefined {
  if (!onlyKeys(condition, ['properties', 'required'])) return undefined;
  const properties = condition.properties ?? {};
  const required = condition.required ?? [];
  if (!isJsonObject(properties) || !Array.isArray(required) || !required.every((name) => typeof name === 'string'))
    return undefined;
  const clauses: Clause[] = [];
  for (const [field, rule] of Object.entries(properties)) {
    // Without `required` the rule also holds when the field is left empty: not a pick we offer.
    if (!required.includes(field)) return undefined;
    const clause = ruleClause(field, rule);
    if (!clause) return undefined;
    clauses.push(clause);
  }
  for (const field of required as string[]) {
    if (!Object.hasOwn(properties, field)) clauses.push({ field, operator: 'filled', values: [] });
  }
  return clauses;
}

/**
 * The clauses a condition is made of, or undefined when it is more than the picker can show (any
 * 或, 非, ranges, nested objects): such a condition is left as it is and edited in the JSON view.
 */
export function clausesOf(condition: unknown): Clause[] | undefined {
  if (condition === undefined) return [];
  if (!isJsonObject(condition)) return undefined;
  if ('allOf' in condition) {
    if (!onlyKeys(condition, ['allOf']) || !Array.isArray(condition.allOf)) return undefined;
    const clauses: Clause[] = [];
    for (const part of condition.allOf) {
      const partClauses = isJsonObject(part) ? flatClauses(part) : undefined;
      if (!partClauses) return undefined;
      clauses.push(...partClauses);
    }
    return clauses;
  }
  return flatClauses(condition);
}
