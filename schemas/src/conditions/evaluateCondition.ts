import type { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import { createAjv } from '../createAjv';

let shared: Ajv2020 | undefined;
const compiled = new WeakMap<object, ValidateFunction>();
/**
 * By content as well: a document read from the database is a new object on every request, and
 * compiling its conditions again each time cost a submission more than all its queries. Bounded;
 * the oldest leave first, and Ajv's own cache lets go of them too.
 */
const MAX_BY_CONTENT = 2000;
const byContent = new Map<string, { validate: ValidateFunction; schema: object }>();

/**
 * Whether the applicant's form data meets a condition (a JSON Schema over the form data): the one
 * evaluation the guide, intake, the flow interpreter and the portal all use, so a material shown
 * in the browser is the material the server asks for. A condition is compiled once per schema
 * object; one that does not compile is never met (publish checks refuse such documents).
 */
export function evaluateCondition(condition: unknown, formData: unknown): boolean {
  if (typeof condition !== 'object' || condition === null || Array.isArray(condition)) return false;
  let validate = compiled.get(condition);
  if (!validate) {
    shared ??= createAjv({ allErrors: false });
    // A copy without `$id`: conditions of different matters may reuse one and must not collide.
    const { $id: _id, ...schema } = condition as Record<string, unknown>;
    const key = JSON.stringify(schema);
    validate = byContent.get(key)?.validate;
    if (!validate) {
      try {
        validate = shared.compile(schema);
      } catch {
        return false;
      }
      byContent.set(key, { validate, schema });
      if (byContent.size > MAX_BY_CONTENT) {
        const [oldestKey, oldest] = byContent.entries().next().value as [string, { schema: object }];
        byContent.delete(oldestKey);
        shared.removeSchema(oldest.schema);
      }
    }
    compiled.set(condition, validate);
  }
  return validate(formData) === true;
}

/**
 * Hands `evaluateCondition` a validator compiled elsewhere for this condition object. A browser
 * page under a strict Content-Security-Policy (no `unsafe-eval`) cannot compile: the platform
 * generates the validators of a matter version with this same Ajv configuration and the portal
 * installs them here before resolving situations.
 */
export function installCompiledCondition(condition: object, validate: (data: unknown) => boolean): void {
  compiled.set(condition, validate as ValidateFunction);
}
