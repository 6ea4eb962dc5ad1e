import type { ValidateFunction } from 'ajv';
import { createAjv, toFieldIssues } from '@matterflow/schemas';
import { BoundedCache } from '../../kernel';

/** The first problem Ajv found, as "pointer message". */
export function firstProblem(validate: ValidateFunction): string {
  const [issue] = toFieldIssues(validate.errors);
  return issue ? `${issue.pointer} ${issue.message}` : '不符合要求';
}

/**
 * A schema a plugin version brought (a narrower output, its options), compiled once per key:
 * versions are immutable, so `key` names the version and the part. Answers the first problem, or
 * null; a schema that does not compile is a problem too (the upload check refuses such versions,
 * but a call must not throw for one).
 */
export function createVersionSchemaCheck(ajv = createAjv()): (key: string, schema: object, value: unknown) => string | null {
  const compiled = new BoundedCache<ValidateFunction | string>(500);
  return (key, schema, value) => {
    const validate = compiled.getOrCreate(key, () => {
      try {
        return ajv.compile(structuredClone(schema));
      } catch (error) {
        return `模式无效：${(error as Error).message}`;
      }
    });
    if (typeof validate === 'string') return validate;
    return validate(value) ? null : firstProblem(validate);
  };
}
