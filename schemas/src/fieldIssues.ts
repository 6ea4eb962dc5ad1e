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

/** Converts Ajv errors into field issues with JSON pointers and Chinese messages. */
export function toFieldIssues(errors: ErrorObject[] | null | undefined, prefix = ''): FieldIssue[] {
  if (!errors) return [];
  const copy = errors.map((error) => ({ ...error }));
  localizeZh(copy);
  return copy.map((error) => {
    let pointer = prefix + error.instancePath;
    // Ajv reports a missing or unknown property at its parent; point at the property itself.
    if (error.keyword === 'required') pointer += `/${escapePointer(String(error.params.missingProperty))}`;
    const extra = error.params.additionalProperty ?? error.params.unevaluatedProperty;
    if (extra !== undefined) pointer += `/${escapePointer(String(extra))}`;
    const message = extra !== undefined ? `不允许的属性 ${String(extra)}` : (error.message ?? '不符合要求');
    return { pointer: pointer || '/', code: `schema.${error.keyword}`, message };
  });
}
