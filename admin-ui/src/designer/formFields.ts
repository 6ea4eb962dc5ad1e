import type { JsonObject } from '../editor/SectionProps';
import { FIELD_KINDS, kindOf, type FieldKind } from './fieldKinds';
import { isJsonObject } from './isJsonObject';

/** A matter's form as the document holds it: a JSON Schema and rjsf's uiSchema. */
export interface MatterForm {
  schema: JsonObject;
  uiSchema?: JsonObject;
}

export interface DesignedField {
  name: string;
  kind: FieldKind;
  schema: JsonObject;
  ui: JsonObject;
  isRequired: boolean;
}

/** Property names of a form identify answers in drafts, conditions and flows: short ASCII identifiers. */
export const FIELD_NAME_PATTERN = /^[a-z][a-zA-Z0-9_]{0,63}$/;

export function propertiesOf(form: MatterForm): JsonObject {
  return isJsonObject(form.schema.properties) ? form.schema.properties : {};
}

function requiredOf(form: MatterForm): string[] {
  return Array.isArray(form.schema.required) ? form.schema.required.filter((n): n is string => typeof n === 'string') : [];
}

function orderOf(form: MatterForm): unknown[] {
  const order = form.uiSchema?.['ui:order'];
  return Array.isArray(order) ? order : [];
}

/** Top-level field names as the applicant sees them: `ui:order` first, then the others in schema order. */
export function fieldNames(form: MatterForm): string[] {
  const names = Object.keys(propertiesOf(form));
  const ordered = orderOf(form).filter((n): n is string => typeof n === 'string' && names.includes(n));
  return [...ordered, ...names.filter((name) => !ordered.includes(name))];
}

/** The form's top-level fields, in order, each with its kind. */
export function fieldsOf(form: MatterForm): DesignedField[] {
  const properties = propertiesOf(form);
  const required = requiredOf(form);
  return fieldNames(form).map((name) => {
    const schema = isJsonObject(properties[name]) ? properties[name] : {};
    const ui = isJsonObject(form.uiSchema?.[name]) ? (form.uiSchema[name] as JsonObject) : {};
    return { name, kind: kindOf(schema, ui), schema, ui, isRequired: required.includes(name) };
  });
}

/**
 * The form with its fields in this order. `ui:order` entries that are not top-level properties
 * (a `*`, a field a `dependencies` reveals) keep their place after them, so rjsf still finds them.
 */
function withOrder(form: MatterForm, names: string[]): MatterForm {
  const extra = orderOf(form).filter((entry) => typeof entry !== 'string' || !Object.hasOwn(propertiesOf(form), entry));
  return {
    ...form,
    uiSchema: { ...form.uiSchema, 'ui:order': [...names, ...extra.filter((e) => !names.includes(e as string))] },
  };
}

/** Writes one field back, renamed if its name changed, keeping its place and everything else of the form. */
export function putField(form: MatterForm, previousName: string, field: DesignedField): MatterForm {
  const properties = Object.fromEntries(
    Object.entries(propertiesOf(form)).map(([name, schema]) =>
      name === previousName ? [field.name, field.schema] : [name, schema],
    ),
  );
  if (!Object.hasOwn(properties, field.name)) properties[field.name] = field.schema;
  const required = requiredOf(form).filter((name) => name !== previousName && name !== field.name);
  const wasAt = requiredOf(form).indexOf(previousName);
  if (field.isRequired) required.splice(wasAt < 0 ? required.length : wasAt, 0, field.name);
  const uiSchema: JsonObject = Object.fromEntries(
    Object.entries(form.uiSchema ?? {}).map(([name, ui]) => (name === previousName ? [field.name, field.ui] : [name, ui])),
  );
  if (Object.keys(field.ui).length > 0) uiSchema[field.name] = field.ui;
  else delete uiSchema[field.name];
  const order = uiSchema['ui:order'];
  if (Array.isArray(order)) uiSchema['ui:order'] = order.map((entry) => (entry === previousName ? field.name : entry));
  // Assigning keys the schema already has keeps their place, so the JSON view does not reshuffle.
  const schema: JsonObject = { ...form.schema, properties };
  if (required.length > 0 || Array.isArray(form.schema.required)) schema.required = required;
  const next: MatterForm = { ...form, schema, uiSchema };
  const names = fieldNames(form).map((name) => (name === previousName ? field.name : name));
  if (!names.includes(field.name)) names.push(field.name);
  return withOrder(next, names);
}

/** A free name like `field3`, for a field just added (the clerk renames it). */
function freeName(form: MatterForm): string {
  const taken = new Set(Object.keys(propertiesOf(form)));
  let n = taken.size + 1;
  while (taken.has(`field${n}`)) n += 1;
  return `field${n}`;
}

/** A new field of this kind at the end of the form; answers its name. */
export function addField(form: MatterForm, kind: Exclude<FieldKind, 'advanced'>): { form: MatterForm; name: string } {
  const name = freeName(form);
  const defaults = FIELD_KINDS[kind];
  const title = `新${defaults.label}字段`;
  const field: DesignedField = { name, kind, schema: { ...defaults.schema, title }, ui: { ...defaults.ui }, isRequired: false };
  return { form: putField(form, name, field), name };
}

/** The same field as another kind: its title, description and 必填 stay, the kind's own settings are new. */
export function changeKind(field: DesignedField, kind: Exclude<FieldKind, 'advanced'>): DesignedField {
  const defaults = FIELD_KINDS[kind];
  const kept = Object.fromEntries(Object.entries(field.schema).filter(([key]) => key === 'title' || key === 'description'));
  return { ...field, kind, schema: { ...defaults.schema, ...kept }, ui: { ...defaults.ui } };
}

/** The field one place up (-1) or down (+1); at either end the form is returned as it is. */
export function moveField(form: MatterForm, name: string, delta: -1 | 1): MatterForm {
  const names = fieldNames(form);
  const from = names.indexOf(name);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= names.length) return form;
  [names[from], names[to]] = [names[to] as string, name];
  return withOrder(form, names);
}

export function removeField(form: MatterForm, name: string): MatterForm {
  const { [name]: _removed, ...properties } = propertiesOf(form);
  const { [name]: _ui, ...uiSchema } = form.uiSchema ?? {};
  const schema: JsonObject = { ...form.schema, properties };
  if (Array.isArray(form.schema.required)) schema.required = requiredOf(form).filter((n) => n !== name);
  const order = orderOf(form).filter((entry) => entry !== name);
  return { ...form, schema, uiSchema: { ...uiSchema, ...(form.uiSchema?.['ui:order'] ? { 'ui:order': order } : {}) } };
}

/** Why a name cannot be a field's 标识, or undefined when it can. */
export function nameProblem(form: MatterForm, previousName: string, name: string): string | undefined {
  if (!FIELD_NAME_PATTERN.test(name)) return '应为小写字母开头，由字母、数字或 _ 组成，最长 64 个字符';
  if (name !== previousName && Object.hasOwn(propertiesOf(form), name)) return `表单中已有标识为“${name}”的字段`;
  return undefined;
}

/** A form for a matter that has none yet. */
export function emptyForm(title: string): MatterForm {
  return {
    schema: { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', title, properties: {} },
    uiSchema: { 'ui:order': [] },
  };
}
