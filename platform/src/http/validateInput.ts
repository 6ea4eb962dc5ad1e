import type { ValidateFunction } from 'ajv';
import { createAjv, toFieldIssues } from '@matterflow/schemas';
import { fail, type ErrorCode } from '../kernel';

const ajv = createAjv({ coerceTypes: false, removeAdditional: false });
const compiled = new WeakMap<object, ValidateFunction>();

/**
 * Validates a request part against a JSON Schema (compiled once per schema object) and returns it
 * typed; every problem is reported with a JSON pointer. The same schema objects feed the OpenAPI
 * document, so the contract is written once.
 */
export function validateInput<T>(
  schema: object,
  value: unknown,
  { code = 'VALIDATION_FAILED', prefix = '' }: { code?: ErrorCode; prefix?: string } = {},
): T {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  if (!validate(value)) throw fail(code, toFieldIssues(validate.errors, prefix));
  return value as T;
}
