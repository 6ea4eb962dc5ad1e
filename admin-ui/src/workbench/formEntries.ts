import { asObject, type JsonObject } from '@matterflow/schemas';

const objectOf = (value: unknown): JsonObject => asObject(value) ?? {};

/** One line of the form data as a clerk reads it: the field's title, never its JSON pointer. */
export interface FormEntry {
  pointer: string;
  label: string;
  value: string;
}

const isObject = (value: unknown): value is JsonObject => asObject(value) !== undefined;

/** An option's words: a `oneOf` of titled constants, or the value itself (the seed's enums are words). */
function optionWords(schema: JsonObject, value: unknown): string {
  const choices = Array.isArray(schema.oneOf) ? schema.oneOf : Array.isArray(schema.anyOf) ? schema.anyOf : [];
  for (const choice of choices)
    if (isObject(choice) && choice.const === value && typeof choice.title === 'string') return choice.title;
  return String(value);
}

function words(schema: JsonObject, value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map((item) => words(objectOf(schema.items), item)).join('、');
  if (isObject(value))
    return Object.values(value)
      .map((item) => String(item))
      .join('；');
  return optionWords(schema, value);
}

/** The order the form shows its fields: `ui:order` (its `*` for the rest), then the schema's order. */
function orderedKeys(properties: JsonObject, uiSchema: JsonObject): string[] {
  const keys = Object.keys(properties);
  const order = Array.isArray(uiSchema['ui:order']) ? uiSchema['ui:order'].filter((k): k is string => typeof k === 'string') : [];
  const listed = order.filter((key) => key !== '*' && keys.includes(key));
  const rest = keys.filter((key) => !listed.includes(key));
  const star = order.indexOf('*');
  return star < 0 ? [...listed, ...rest] : [...listed.slice(0, star), ...rest, ...listed.slice(star)];
}

/**
 * The submitted form data under the version's own form: each top-level field with its title, in
 * the form's order, answered or not where the form shows it. A value the form no longer declares
 * is still listed under its key, so nothing the applicant sent is hidden from the clerk.
 */
export function formEntries(
  form: { schema?: unknown; uiSchema?: unknown } | undefined,
  data: Record<string, unknown>,
): FormEntry[] {
  const schema = objectOf(form?.schema);
  const properties = objectOf(schema.properties);
  const uiSchema = objectOf(form?.uiSchema);
  const entries: FormEntry[] = orderedKeys(properties, uiSchema)
    .filter((key) => key in data)
    .map((key) => {
      const field = objectOf(properties[key]);
      return { pointer: `/${key}`, label: typeof field.title === 'string' ? field.title : key, value: words(field, data[key]) };
    });
  for (const key of Object.keys(data))
    if (!(key in properties)) entries.push({ pointer: `/${key}`, label: key, value: words({}, data[key]) });
  return entries;
}

/** Every field the form declares, for a 补正 that asks for one (answered or not). */
export function formFieldChoices(
  form: { schema?: unknown; uiSchema?: unknown } | undefined,
): { pointer: string; label: string }[] {
  const properties = objectOf(objectOf(form?.schema).properties);
  return orderedKeys(properties, objectOf(form?.uiSchema)).map((key) => {
    const title = objectOf(properties[key]).title;
    return { pointer: `/${key}`, label: typeof title === 'string' ? title : key };
  });
}
