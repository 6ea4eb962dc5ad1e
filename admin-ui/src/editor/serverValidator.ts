import type { RJSFSchema, ValidatorType } from '@rjsf/utils';

type Schema = Record<string, unknown>;

/**
 * Just enough of JSON Schema for rjsf to pick among `oneOf` branches (the titled constants of
 * rjsfSchema.ts): const, enum, type, required and properties. Anything else counts as matching.
 */
export function matches(schema: unknown, value: unknown): boolean {
  if (schema === true || schema === undefined) return true;
  if (schema === false || typeof schema !== 'object' || schema === null) return false;
  const s = schema as Schema;
  if ('const' in s && JSON.stringify(s.const) !== JSON.stringify(value)) return false;
  if (Array.isArray(s.enum) && !s.enum.some((option) => JSON.stringify(option) === JSON.stringify(value))) return false;
  if (typeof s.type === 'string' && !isType(s.type, value)) return false;
  const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
  if (isObject) {
    const record = value as Record<string, unknown>;
    if (Array.isArray(s.required) && s.required.some((name) => !(String(name) in record))) return false;
    const properties = (s.properties ?? {}) as Record<string, unknown>;
    if (Object.entries(properties).some(([name, child]) => name in record && !matches(child, record[name]))) return false;
  }
  return true;
}

function isType(type: string, value: unknown): boolean {
  if (type === 'integer') return Number.isInteger(value);
  if (type === 'array') return Array.isArray(value);
  if (type === 'null') return value === null;
  if (type === 'object') return typeof value === 'object' && value !== null && !Array.isArray(value);
  return typeof value === type;
}

/**
 * rjsf's validator for the editor. The strict CSP forbids Ajv compiling in the page, and the
 * platform checks much more than the meta-schema (code rules, conditions, the flow), so the
 * structured view's errors come from the save answer (`extraErrors`); the JSON view has Monaco's
 * own schema diagnostics as one types. See docs/admin-ui.md (编辑器).
 */
export const serverValidator: ValidatorType<unknown, RJSFSchema> = {
  validateFormData: () => ({ errors: [], errorSchema: {} }),
  isValid: (schema, formData) => matches(schema, formData),
  rawValidation: () => ({ errors: [] }),
};
