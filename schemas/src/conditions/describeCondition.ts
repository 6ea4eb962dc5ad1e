type Schema = Record<string, unknown>;

function fieldTitle(formSchema: Schema | undefined, name: string): string {
  const properties = (formSchema?.properties ?? {}) as Record<string, Schema>;
  const title = properties[name]?.title;
  return typeof title === 'string' ? title : name;
}

function describeValue(value: unknown): string {
  if (value === true) return '是';
  if (value === false) return '否';
  return `“${String(value)}”`;
}

function describeProperty(title: string, rule: Schema): string[] {
  const parts: string[] = [];
  if ('const' in rule) parts.push(`${title}为${describeValue(rule.const)}`);
  if (Array.isArray(rule.enum)) parts.push(`${title}为${rule.enum.map(describeValue).join('或')}`);
  if (typeof rule.minimum === 'number') parts.push(`${title}不小于 ${rule.minimum}`);
  if (typeof rule.exclusiveMinimum === 'number') parts.push(`${title}大于 ${rule.exclusiveMinimum}`);
  if (typeof rule.maximum === 'number') parts.push(`${title}不大于 ${rule.maximum}`);
  if (typeof rule.exclusiveMaximum === 'number') parts.push(`${title}小于 ${rule.exclusiveMaximum}`);
  if (rule.not && typeof rule.not === 'object' && 'const' in (rule.not as Schema)) {
    parts.push(`${title}不为${describeValue((rule.not as Schema).const)}`);
  }
  if (typeof rule.contains === 'object' && rule.contains && 'const' in (rule.contains as Schema)) {
    parts.push(`${title}包含${describeValue((rule.contains as Schema).const)}`);
  }
  return parts;
}

/**
 * Renders a condition (a JSON Schema over the form data) in plain Chinese using the form's field
 * titles, so the guide tells applicants in words which 办理情形 needs which material. Shapes it
 * cannot render fall back to a neutral phrase rather than exposing schema syntax.
 */
export function describeCondition(condition: unknown, formSchema?: Schema): string {
  if (typeof condition !== 'object' || condition === null) return '';
  const schema = condition as Schema;
  const clauses: string[] = [];
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  for (const [name, rule] of Object.entries(properties)) clauses.push(...describeProperty(fieldTitle(formSchema, name), rule));
  if (Array.isArray(schema.required) && Object.keys(properties).length === 0) {
    clauses.push(...schema.required.map((name) => `已填写${fieldTitle(formSchema, String(name))}`));
  }
  if (Array.isArray(schema.allOf))
    clauses.push(...schema.allOf.map((part) => describeCondition(part, formSchema)).filter(Boolean));
  if (Array.isArray(schema.anyOf)) {
    const any = schema.anyOf.map((part) => describeCondition(part, formSchema)).filter(Boolean);
    if (any.length) clauses.push(`（${any.join('，或')}）`);
  }
  if (schema.not) {
    const negated = describeCondition(schema.not, formSchema);
    if (negated) clauses.push(`非“${negated}”的情形`);
  }
  return clauses.length ? clauses.join('，且') : '特定办理情形';
}
