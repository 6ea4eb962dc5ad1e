import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import localizeZh from 'ajv-i18n/localize/zh/index.js';
import type { ErrorObject, Options } from 'ajv';
import type { FieldIssue } from '../errors';

/**
 * One Ajv configuration for the meta-schemas, matter forms and conditions alike, so that the server
 * and the browser (rjsf's validator-ajv8) agree. Our vocabulary keywords (`x-*`) are annotations.
 */
export function createAjv(options: Options = {}): Ajv2020 {
  // `discriminator` makes a flow node report the errors of its own kind only.
  const ajv = new Ajv2020({ allErrors: true, strict: false, discriminator: true, ...options });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  return ajv;
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

export function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
