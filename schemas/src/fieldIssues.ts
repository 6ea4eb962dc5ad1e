import type { ErrorObject } from 'ajv';
import localizeZh from 'ajv-i18n/localize/zh/index.js';

/** One field-level problem, located by a JSON pointer into the request body or document. */
export interface FieldIssue {
  pointer: string;
  code: string;
  message: string;
}

export function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

type Schema = Record<string, unknown>;

const isSchema = (value: unknown): value is Schema => typeof value === 'object' && value !== null && !Array.isArray(value);
const textOf = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

/** Every sub-schema object of a registered root → that root, so a `$ref`'d error can find its field's title. */
const rootOf = new WeakMap<object, Schema>();
const rootsById = new Map<string, Schema>();

/**
 * Makes the titles of a schema whose definitions are reached by `$ref` available to `toFieldIssues`:
 * an error inside `$defs/uscc` knows only that definition, while the title (“实施主体编码”) sits on
 * the property that refers to it. Call with the very object that was compiled.
 */
export function registerSchemaTitles(root: object): void {
  const schema = root as Schema;
  const id = textOf(schema.$id);
  if (id) rootsById.set(id, schema);
  const visit = (node: unknown) => {
    if (typeof node !== 'object' || node === null || rootOf.has(node)) return;
    if (!Array.isArray(node)) rootOf.set(node, schema);
    for (const child of Object.values(node)) visit(child);
  };
  visit(schema);
}

/** The standard's own meta-schemas (checking a schema a clerk wrote) have English titles that name no field. */
const isJsonSchemaMetaSchema = (schema: Schema) => textOf(schema.$id)?.startsWith('https://json-schema.org/') === true;

const unescapePointer = (segment: string) => segment.replace(/~1/g, '/').replace(/~0/g, '~');

function resolveRef(ref: string, root: Schema): { schema: Schema; root: Schema } | undefined {
  const [base = '', fragment = ''] = ref.split('#');
  const target = base === '' ? root : rootsById.get(base);
  if (!target) return undefined;
  let node: unknown = target;
  for (const segment of fragment.split('/').filter(Boolean)) {
    if (!isSchema(node)) return undefined;
    node = node[unescapePointer(segment)];
  }
  return isSchema(node) ? { schema: node, root: target } : undefined;
}

interface Located {
  schema: Schema;
  root: Schema;
}

/** The schema and everything it refers to or combines (`$ref`, `allOf`, `oneOf`, …) at one place. */
function expand(start: Located): Located[] {
  const out: Located[] = [];
  const queue = [start];
  while (queue.length > 0 && out.length < 50) {
    const next = queue.shift() as Located;
    if (out.some((seen) => seen.schema === next.schema)) continue;
    out.push(next);
    const ref = textOf(next.schema.$ref);
    const resolved = ref ? resolveRef(ref, next.root) : undefined;
    if (resolved) queue.push(resolved);
    for (const key of ['allOf', 'oneOf', 'anyOf']) {
      const list = next.schema[key];
      if (Array.isArray(list)) for (const item of list) if (isSchema(item)) queue.push({ schema: item, root: next.root });
    }
    for (const key of ['then', 'else']) {
      const branch = next.schema[key];
      if (isSchema(branch)) queue.push({ schema: branch, root: next.root });
    }
  }
  return out;
}

function child(located: Located[], segment: string): Located[] {
  for (const { schema, root } of located) {
    const properties = schema.properties;
    if (isSchema(properties) && isSchema(properties[segment])) return expand({ schema: properties[segment], root });
  }
  if (/^\d+$/.test(segment)) {
    for (const { schema, root } of located) {
      const prefix = schema.prefixItems;
      const fromPrefix = Array.isArray(prefix) ? prefix[Number(segment)] : undefined;
      if (isSchema(fromPrefix)) return expand({ schema: fromPrefix, root });
      if (isSchema(schema.items)) return expand({ schema: schema.items, root });
    }
  }
  for (const { schema, root } of located) {
    if (isSchema(schema.additionalProperties)) return expand({ schema: schema.additionalProperties, root });
  }
  return [];
}

/** The schemas along the instance path, from the registered root of `parentSchema` (empty when unknown). */
function schemasAlong(parentSchema: unknown, instancePath: string): Located[][] {
  if (!isSchema(parentSchema)) return [];
  const root = rootOf.get(parentSchema);
  if (!root) return [];
  const levels: Located[][] = [expand({ schema: root, root })];
  for (const segment of instancePath.split('/').slice(1).map(unescapePointer)) {
    const next = child(levels[levels.length - 1] ?? [], segment);
    if (next.length === 0) return [];
    levels.push(next);
  }
  return levels;
}

function first(located: Located[], key: string): unknown {
  for (const { schema } of located) if (schema[key] !== undefined) return schema[key];
  return undefined;
}

interface FieldWords {
  /** “实施编码”, or “行使层级”第 2 项 for an untitled item of a titled list; undefined when nothing has a title. */
  name?: string;
  /** What the value should look like, for a pattern: `x-hint`, else `description`. */
  hint?: string;
  enumNames?: unknown;
}

/** Titles and hints for the value at `instancePath`, from the failing schema and, if registered, its referrers. */
function fieldWords(parentSchema: unknown, instancePath: string): FieldWords {
  const own =
    isSchema(parentSchema) && !isJsonSchemaMetaSchema(parentSchema) ? [{ schema: parentSchema, root: parentSchema }] : [];
  const levels = schemasAlong(parentSchema, instancePath);
  const here = [...own, ...(levels[levels.length - 1] ?? [])];
  const hint = textOf(first(here, 'x-hint')) ?? textOf(first(here, 'description'));
  const enumNames = first(here, 'x-enumNames');
  const title = textOf(first(here, 'title'));
  if (title) return { name: `“${title}”`, hint, enumNames };
  const last = instancePath.split('/').pop() ?? '';
  const parentTitle = levels.length >= 2 ? textOf(first(levels[levels.length - 2] ?? [], 'title')) : undefined;
  if (parentTitle && /^\d+$/.test(last)) return { name: `“${parentTitle}”第 ${Number(last) + 1} 项`, hint, enumNames };
  return { hint, enumNames };
}

function propertyTitle(parentSchema: unknown, instancePath: string, property: string): string {
  const here = [
    ...(isSchema(parentSchema) ? expand({ schema: parentSchema, root: rootOf.get(parentSchema) ?? parentSchema }) : []),
    ...(schemasAlong(parentSchema, instancePath).at(-1) ?? []),
  ];
  const located = child(here, property);
  return textOf(first(located, 'title')) ?? property;
}

const TYPE_WORDS: Record<string, string> = {
  string: '文本',
  integer: '整数',
  number: '数字',
  boolean: '布尔值（是/否）',
  object: '对象',
  array: '列表',
  null: '空值',
};

const FORMAT_WORDS: Record<string, string> = {
  date: '应为真实存在的日期（YYYY-MM-DD）',
  'date-time': '应为带时区的日期时间',
  time: '应为时间',
  email: '应为有效的电子邮件地址',
  uri: '应为完整的网址',
  uuid: '应为 UUID',
};

function enumWords(values: unknown, names: unknown): string {
  const list = Array.isArray(values) ? values : [];
  const labels = Array.isArray(names) && names.length === list.length ? names : list;
  return labels.map((label) => String(label)).join('、');
}

/** The message a clerk can act on: the field's Chinese title and what it should be, never a regular expression. */
function describe(error: ErrorObject, localized: string | undefined): string | undefined {
  const params = error.params as Record<string, unknown>;
  const { name, hint, enumNames } = fieldWords(error.parentSchema, error.instancePath);
  const subject = name ?? '';
  switch (error.keyword) {
    case 'required':
      return `缺少必填项“${propertyTitle(error.parentSchema, error.instancePath, String(params.missingProperty))}”`;
    case 'pattern':
      return `${subject}格式不正确${hint ? `：${hint}` : ''}`;
    case 'enum':
      return `${subject}应为以下之一：${enumWords(params.allowedValues ?? error.schema, enumNames)}`;
    case 'type':
      return `${subject}应为${String(params.type)
        .split(',')
        .map((t) => TYPE_WORDS[t] ?? t)
        .join('或')}`;
    case 'format':
      return `${subject}${FORMAT_WORDS[String(params.format)] ?? '格式不正确'}`;
    case 'minLength':
      if (!name) return undefined;
      return Number(params.limit) === 1 ? `${subject}不能为空` : `${subject}至少 ${String(params.limit)} 个字`;
    case 'maxLength':
      return name ? `${subject}不能超过 ${String(params.limit)} 个字` : undefined;
    case 'minimum':
      return name ? `${subject}不能小于 ${String(params.limit)}` : undefined;
    case 'maximum':
      return name ? `${subject}不能大于 ${String(params.limit)}` : undefined;
    case 'exclusiveMinimum':
      return name ? `${subject}应大于 ${String(params.limit)}` : undefined;
    case 'exclusiveMaximum':
      return name ? `${subject}应小于 ${String(params.limit)}` : undefined;
    case 'minItems':
      return name ? `${subject}至少需要 ${String(params.limit)} 项` : undefined;
    case 'maxItems':
      return name ? `${subject}最多 ${String(params.limit)} 项` : undefined;
    case 'uniqueItems':
      return name ? `${subject}有重复项（第 ${Number(params.j) + 1} 项与第 ${Number(params.i) + 1} 项相同）` : undefined;
    case 'const':
      return name ? `${subject}应为 ${JSON.stringify(params.allowedValue)}` : undefined;
    case 'discriminator':
      return describeDiscriminator(error);
    default:
      return name && localized ? `${subject}${localized}` : undefined;
  }
}

/** A discriminated `oneOf` names its choices by the tag's `const` in each branch. */
function describeDiscriminator(error: ErrorObject): string {
  const tag = String((error.params as Record<string, unknown>).tag);
  const branches = isSchema(error.parentSchema) && Array.isArray(error.parentSchema.oneOf) ? error.parentSchema.oneOf : [];
  const tags = branches.map((branch) => (isSchema(branch) && isSchema(branch.properties) ? branch.properties[tag] : undefined));
  const title = tags.map((t) => (isSchema(t) ? textOf(t.title) : undefined)).find(Boolean) ?? tag;
  const choices = tags.map((t) => (isSchema(t) ? t.const : undefined)).filter((value) => value !== undefined);
  return choices.length > 0 ? `“${title}”应为以下之一：${choices.map(String).join('、')}` : `“${title}”不正确`;
}

/**
 * Converts Ajv errors into field issues with JSON pointers and Chinese messages. With a validator
 * compiled `verbose` (as `createAjv` does), the message names the field by its schema `title` and
 * says what it should be (`x-hint` or `description`, `x-enumNames`); otherwise ajv-i18n's wording.
 */
export function toFieldIssues(errors: ErrorObject[] | null | undefined, prefix = ''): FieldIssue[] {
  if (!errors) return [];
  const copy = errors.map((error) => ({ ...error }));
  localizeZh(copy);
  return copy.map((localized, index) => {
    const error = errors[index] as ErrorObject;
    let pointer = prefix + error.instancePath;
    // Ajv reports a missing or unknown property (and a discriminator tag) at its parent; point at the property itself.
    if (error.keyword === 'required') pointer += `/${escapePointer(String(error.params.missingProperty))}`;
    if (error.keyword === 'discriminator') pointer += `/${escapePointer(String(error.params.tag))}`;
    const extra = error.params.additionalProperty ?? error.params.unevaluatedProperty;
    if (extra !== undefined) pointer += `/${escapePointer(String(extra))}`;
    const message =
      extra !== undefined
        ? `不允许的属性“${String(extra)}”`
        : (describe(error, localized.message) ??
          (error.keyword === 'pattern' ? '格式不正确' : localized.message) ??
          '不符合要求');
    // Ajv names a `false` subschema's error 'false schema'; codes have no spaces.
    return { pointer: pointer || '/', code: `schema.${error.keyword.replace(/\s+/g, '_')}`, message };
  });
}
