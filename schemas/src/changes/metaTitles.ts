import { at, asObject, type JsonObject } from '../looseDocument';
import { flowMetaSchema, matterMetaSchema } from '../metaSchemas';

/**
 * The meta-schema nodes a document path may be described by: a path passes through `$ref`s (the
 * matter's own `$defs` and the flow meta-schema), `allOf`/`oneOf`/`anyOf` branches (a flow node is one
 * of several kinds) and array `items`, so a step can have more than one candidate.
 */
export type SchemaNodes = readonly JsonObject[];

const roots = new Map<string, JsonObject>([
  [String(matterMetaSchema.$id), matterMetaSchema as JsonObject],
  [String(flowMetaSchema.$id), flowMetaSchema as JsonObject],
]);

function resolve(ref: string, root: JsonObject): { node: JsonObject; root: JsonObject } | undefined {
  const [base = '', fragment = ''] = ref.split('#');
  const target = base === '' ? root : roots.get(base);
  if (!target) return undefined;
  const node = asObject(at(target, ...fragment.split('/').filter(Boolean)));
  return node ? { node, root: target } : undefined;
}

interface Located {
  node: JsonObject;
  root: JsonObject;
}

function expand(start: Located, depth = 0): Located[] {
  if (depth > 8) return [start];
  const found: Located[] = [start];
  const ref = start.node.$ref;
  if (typeof ref === 'string') {
    const target = resolve(ref, start.root);
    if (target) found.push(...expand(target, depth + 1));
  }
  for (const keyword of ['allOf', 'oneOf', 'anyOf'] as const) {
    const branches = start.node[keyword];
    if (!Array.isArray(branches)) continue;
    for (const branch of branches) {
      const node = asObject(branch);
      if (node) found.push(...expand({ node, root: start.root }, depth + 1));
    }
  }
  return found;
}

/** Where a document path leads in the meta-schemas (empty when it leaves them). */
export class MetaPath {
  private constructor(private readonly located: Located[]) {}

  static root(): MetaPath {
    const matter = matterMetaSchema as JsonObject;
    return new MetaPath(expand({ node: matter, root: matter }));
  }

  /** One step down: a property name, or an array position (`items`). */
  child(segment: string | number): MetaPath {
    const next: Located[] = [];
    for (const { node, root } of this.located) {
      const child = typeof segment === 'number' ? asObject(node.items) : asObject(asObject(node.properties)?.[segment]);
      if (child) next.push(...expand({ node: child, root }));
    }
    return new MetaPath(next);
  }

  get title(): string | undefined {
    for (const { node } of this.located) if (typeof node.title === 'string') return node.title;
    return undefined;
  }

  /** The Chinese name of a code value, from the meta-schema's `x-enumNames`. */
  enumName(value: unknown): string | undefined {
    for (const { node } of this.located) {
      const values = node.enum;
      const names = node['x-enumNames'];
      if (!Array.isArray(values) || !Array.isArray(names)) continue;
      const index = values.indexOf(value);
      if (index >= 0 && typeof names[index] === 'string') return names[index];
    }
    return undefined;
  }
}
