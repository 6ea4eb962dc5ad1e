import type { Ajv2020 } from 'ajv/dist/2020.js';
import { createAjv } from '../createAjv';
import { escapePointer, toFieldIssues, type FieldIssue } from '../fieldIssues';

/** Issue codes are namespaced by where the condition sits: `flow.*` in the flow, `situation.*` in a 办理情形, `publish.*` elsewhere. */
export type ConditionCodePrefix = 'flow' | 'publish' | 'situation';

type Schema = Record<string, unknown>;

let shared: Ajv2020 | undefined;

/**
 * One instance for every check in the process: compiling the 2020-12 meta-schema costs tens of
 * milliseconds, too much to repeat per document in a catalog-wide quality sweep. Checked schemas
 * are removed again after compiling, so the instance does not grow with the catalog.
 */
function checkAjv(): Ajv2020 {
  shared ??= createAjv();
  return shared;
}

function isSchemaObject(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Subschemas that still describe the same (top-level) instance, with their pointer suffixes.
 * Conditions and forms both combine top-level fields with these applicators; `properties` of a
 * property describe a nested object and are deliberately not entered.
 */
function sameInstanceSubschemas(schema: Schema, pointer: string): { schema: Schema; pointer: string }[] {
  const found: { schema: Schema; pointer: string }[] = [{ schema, pointer }];
  for (const keyword of ['allOf', 'anyOf', 'oneOf'] as const) {
    const list = schema[keyword];
    if (!Array.isArray(list)) continue;
    list.forEach((sub, i) => {
      if (isSchemaObject(sub)) found.push(...sameInstanceSubschemas(sub, `${pointer}/${keyword}/${i}`));
    });
  }
  for (const keyword of ['not', 'if', 'then', 'else'] as const) {
    const sub = schema[keyword];
    if (isSchemaObject(sub)) found.push(...sameInstanceSubschemas(sub, `${pointer}/${keyword}`));
  }
  // rjsf forms reveal fields through draft-07 `dependencies`; 2020-12 spells it `dependentSchemas`.
  for (const keyword of ['dependentSchemas', 'dependencies'] as const) {
    const map = schema[keyword];
    if (!isSchemaObject(map)) continue;
    for (const [key, sub] of Object.entries(map)) {
      if (isSchemaObject(sub)) found.push(...sameInstanceSubschemas(sub, `${pointer}/${keyword}/${escapePointer(key)}`));
    }
  }
  return found;
}

/** Field names a schema mentions at the top level, each with the pointer of its first mention. */
function mentionedFields(schema: Schema, pointer: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const sub of sameInstanceSubschemas(schema, pointer)) {
    if (isSchemaObject(sub.schema.properties)) {
      for (const name of Object.keys(sub.schema.properties)) {
        if (!fields.has(name)) fields.set(name, `${sub.pointer}/properties/${escapePointer(name)}`);
      }
    }
    if (Array.isArray(sub.schema.required)) {
      sub.schema.required.forEach((name, i) => {
        if (typeof name === 'string' && !fields.has(name)) fields.set(name, `${sub.pointer}/required/${i}`);
      });
    }
  }
  return fields;
}

/**
 * Top-level field names a form schema declares, including fields revealed conditionally
 * (allOf/oneOf/if-then/dependencies); undefined when the value is not a schema object.
 */
export function formPropertyNames(formSchema: unknown): Set<string> | undefined {
  if (!isSchemaObject(formSchema)) return undefined;
  const names = new Set<string>();
  for (const sub of sameInstanceSubschemas(formSchema, '')) {
    if (isSchemaObject(sub.schema.properties)) {
      for (const name of Object.keys(sub.schema.properties)) names.add(name);
    }
  }
  return names;
}

/** One meta-schema failure fans out into several Ajv errors at the same spot (enum, type, anyOf); the first is the telling one. */
function firstPerPointer(issues: FieldIssue[]): FieldIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    if (seen.has(issue.pointer)) return false;
    seen.add(issue.pointer);
    return true;
  });
}

function compileErrorMessage(error: unknown): string {
  const detail = error instanceof Error ? error.message : String(error);
  const unresolved = /can't resolve reference (\S+)/.exec(detail);
  if (unresolved) return `引用“${unresolved[1] ?? ''}”无法解析`;
  const unknownMeta = /no schema with key or ref "([^"]+)"/.exec(detail);
  if (unknownMeta) return `不支持的 $schema “${unknownMeta[1] ?? ''}”，请使用 JSON Schema 2020-12`;
  // The library's own text may name internals; clerks get a message of ours.
  return '无法编译，请检查关键字和取值';
}

/**
 * Compiles a schema and forgets it at once, so one Ajv instance can check many documents without
 * growing and two conditions that reuse an `$id` do not collide. Returns the problems, localized.
 */
export function schemaCompileIssues({
  schema,
  pointer,
  ajv = checkAjv(),
}: {
  schema: Schema;
  pointer: string;
  ajv?: Ajv2020;
}): FieldIssue[] {
  let shouldForget = false;
  try {
    if (ajv.validateSchema(schema) === false) return firstPerPointer(toFieldIssues(ajv.errors, pointer));
    // Never let a document's `$id` replace (and then remove) a schema the instance already holds,
    // such as the 2020-12 meta-schema itself.
    if (typeof schema.$id === 'string' && ajv.getSchema(schema.$id)) {
      return [{ pointer: `${pointer}/$id`, code: 'schema.compile', message: `标识 ${schema.$id} 与已有模式冲突` }];
    }
    shouldForget = true;
    ajv.compile(schema);
    return [];
  } catch (error) {
    return [{ pointer, code: 'schema.compile', message: compileErrorMessage(error) }];
  } finally {
    if (shouldForget) ajv.removeSchema(schema);
  }
}

/**
 * Checks one condition: it must compile with the platform's Ajv (the same one the browser runs),
 * and, when the form's fields are known, name only fields the form has — a condition on a field
 * that does not exist is never met, silently dropping a material, fee or step.
 */
export function checkCondition({
  condition,
  pointer,
  subject,
  codePrefix,
  formProperties,
  ajv = checkAjv(),
}: {
  condition: unknown;
  /** Pointer of the condition itself in the matter document. */
  pointer: string;
  /** Who owns the condition, as clerks name it, e.g. 材料“营业执照”（license）. */
  subject: string;
  codePrefix: ConditionCodePrefix;
  /** Top-level field names of the form; skip the field check when undefined. */
  formProperties: ReadonlySet<string> | undefined;
  /** Defaults to the process-wide checking instance. */
  ajv?: Ajv2020;
}): FieldIssue[] {
  if (!isSchemaObject(condition)) {
    return [{ pointer, code: `${codePrefix}.condition_invalid`, message: `${subject}的适用条件应为 JSON Schema 对象` }];
  }
  const issues: FieldIssue[] = schemaCompileIssues({ schema: condition, pointer, ajv }).map((issue) => ({
    pointer: issue.pointer,
    code: `${codePrefix}.condition_invalid`,
    message: `${subject}的适用条件不是有效的 JSON Schema：${issue.message}`,
  }));
  if (!formProperties) return issues;
  for (const [field, fieldPointer] of mentionedFields(condition, pointer)) {
    if (formProperties.has(field)) continue;
    issues.push({
      pointer: fieldPointer,
      code: `${codePrefix}.condition_unknown_field`,
      message: `${subject}的适用条件引用了申请表单中不存在的字段“${field}”`,
    });
  }
  return issues;
}
