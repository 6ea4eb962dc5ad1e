import { matterMetaSchema } from '@matterflow/schemas';
import type { EditorSection } from './editorSections';

type Schema = Record<string, unknown>;

/**
 * The meta-schema as rjsf reads it: `x-enumNames` become `oneOf` of titled constants (rjsf shows
 * those as a select with the Chinese names), and `if/then/else` are left to the server, whose
 * answer points at the field (rjsf would render `then`'s `false` properties as broken fields).
 */
function forRjsf(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(forRjsf);
  if (typeof node !== 'object' || node === null) return node;
  const { if: _if, then: _then, else: _else, $schema: _schema, $id: _id, ...rest } = node as Schema;
  const names = rest['x-enumNames'];
  // rjsf picks a widget by type: the meta-schema's enums of codes leave it out.
  const type = Array.isArray(rest.enum) && rest.type === undefined ? { type: typeOfValues(rest.enum) } : {};
  if (Array.isArray(rest.enum) && Array.isArray(names)) {
    const { enum: values, 'x-enumNames': _names, ...others } = rest;
    return {
      ...Object.fromEntries(Object.entries(others).map(([key, value]) => [key, forRjsf(value)])),
      ...type,
      oneOf: values.map((value, index) => ({ const: value, title: String(names[index] ?? value) })),
    };
  }
  if (Array.isArray(rest.enum)) return { ...rest, ...type };
  return Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, forRjsf(value)]));
}

const typeOfValues = (values: unknown[]) =>
  values.every((value) => typeof value === 'number')
    ? 'number'
    : values.every((value) => typeof value === 'boolean')
      ? 'boolean'
      : 'string';

const root = forRjsf(matterMetaSchema) as Schema;
const cache = new Map<string, Schema>();

/** One section's part of the meta-schema: its top-level properties, with every `$defs` they may refer to. */
export function sectionSchema(section: EditorSection): Schema {
  const cached = cache.get(section.key);
  if (cached) return cached;
  const properties = root.properties as Record<string, unknown>;
  const required = (root.required as string[]).filter((name) => section.properties.includes(name));
  const schema = {
    type: 'object',
    properties: Object.fromEntries(section.properties.map((name) => [name, properties[name]])),
    ...(required.length > 0 ? { required } : {}),
    $defs: root.$defs,
  };
  cache.set(section.key, schema);
  return schema;
}

/** The part of a document a section edits. */
export function sectionData(section: EditorSection, document: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(section.properties.filter((name) => name in document).map((name) => [name, document[name]]));
}

/** The document with a section's part replaced; members the section removed are removed. */
export function withSectionData(
  section: EditorSection,
  document: Record<string, unknown>,
  data: Record<string, unknown>,
): Record<string, unknown> {
  const next = { ...document };
  for (const name of section.properties) {
    if (data[name] === undefined) delete next[name];
    else next[name] = data[name];
  }
  return next;
}
