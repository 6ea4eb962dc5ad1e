import { metaSchemas } from '@matterflow/schemas';

/** A JSON Schema object as read from schemas/matter.schema.json. */
export type SchemaNode = Record<string, unknown>;

/**
 * How the exchange formats treat a property. Derived from the schema's shape, so that a new
 * property in the meta-schema shows up in every exchange format without touching this code.
 */
export type NodeKind =
  | 'string'
  | 'integer'
  | 'boolean'
  | 'enum'
  | 'unit'
  | 'enumList'
  | 'stringList'
  | 'object'
  | 'objectList'
  | 'duration'
  | 'opaque';

export interface ResolvedNode {
  node: SchemaNode;
  /** The `$defs` entry the node came from, if any. */
  defName: string | undefined;
  kind: NodeKind;
}

/** Time units share one code list everywhere (durations and special procedures). */
export const UNIT_CODES = ['workday', 'day', 'month'] as const;
const UNIT_NAMES = ['工作日', '自然日', '月'];

export function matterSchema(): SchemaNode {
  return metaSchemas().matter.schema as SchemaNode;
}

function isNode(value: unknown): value is SchemaNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Resolves a local `$ref`, keeping the referring node's own annotations (title, x-national). */
export function resolveNode(root: SchemaNode, raw: unknown): ResolvedNode {
  const own = isNode(raw) ? raw : {};
  const ref = typeof own.$ref === 'string' ? own.$ref : undefined;
  let node = own;
  let defName: string | undefined;
  if (ref?.startsWith('#/$defs/')) {
    defName = ref.slice('#/$defs/'.length);
    const defs = isNode(root.$defs) ? root.$defs : {};
    const target = defs[defName];
    const { $ref: _ignored, ...annotations } = own;
    node = { ...(isNode(target) ? target : {}), ...annotations };
  }
  return { node, defName, kind: kindOf(root, node, defName, ref) };
}

function kindOf(root: SchemaNode, node: SchemaNode, defName: string | undefined, ref: string | undefined): NodeKind {
  if (ref && !ref.startsWith('#/')) return 'opaque';
  // The statutory limit is a duration with more to say (未规定, 起算点, 延长); its extra parts travel in the extension.
  if (defName === 'duration' || defName === 'statutoryLimit') return 'duration';
  if (Array.isArray(node.enum)) return isUnitEnum(node.enum) ? 'unit' : 'enum';
  if (node.const !== undefined) return typeof node.const === 'number' ? 'integer' : 'string';
  switch (node.type) {
    case 'boolean':
      return 'boolean';
    case 'integer':
    case 'number':
      return 'integer';
    case 'string':
      return 'string';
    case 'object':
      return isNode(node.properties) ? 'object' : 'opaque';
    case 'array': {
      const items = resolveNode(root, node.items);
      if (items.kind === 'enum') return 'enumList';
      if (items.kind === 'string') return 'stringList';
      if (items.kind === 'object') return 'objectList';
      return 'opaque';
    }
    default:
      return 'opaque';
  }
}

function isUnitEnum(values: unknown[]): boolean {
  return values.length === UNIT_CODES.length && UNIT_CODES.every((unit, i) => values[i] === unit);
}

export function propertiesOf(node: SchemaNode): [string, unknown][] {
  return isNode(node.properties) ? Object.entries(node.properties) : [];
}

export function titleOf(node: SchemaNode): string | undefined {
  return typeof node.title === 'string' ? node.title : undefined;
}

export function nationalNameOf(node: SchemaNode): string | undefined {
  return typeof node['x-national'] === 'string' ? node['x-national'] : undefined;
}

/** Code → Chinese name pairs of an enum (or of an enum list's items). */
export function enumOptions(root: SchemaNode, resolved: ResolvedNode): { code: string; name: string }[] {
  const node = resolved.kind === 'enumList' ? resolveNode(root, resolved.node.items).node : resolved.node;
  const codes = Array.isArray(node.enum) ? node.enum.map(String) : [];
  const names = Array.isArray(node['x-enumNames'])
    ? node['x-enumNames'].map(String)
    : resolved.kind === 'unit'
      ? UNIT_NAMES
      : codes;
  return codes.map((code, i) => ({ code, name: names[i] ?? code }));
}

export function itemsOf(root: SchemaNode, resolved: ResolvedNode): ResolvedNode {
  return resolveNode(root, resolved.node.items);
}
