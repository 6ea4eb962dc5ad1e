import type { ValidateFunction } from 'ajv';
import { createAjv, toFieldIssues, type FieldIssue } from '@matterflow/schemas';
import { BoundedCache } from '../../kernel';

/** A problem as one line, "pointer message" (a problem about the whole value has no pointer). */
export const issueText = (issue: { pointer: string; message: string }): string => `${issue.pointer} ${issue.message}`.trim();

/** The first problem Ajv found, as "pointer message". */
export function firstProblem(validate: ValidateFunction): string {
  const [issue] = toFieldIssues(validate.errors);
  return issue ? issueText(issue) : '不符合要求';
}

/** What a version's schema says of a value: its problems (none: it fits), or that the schema itself is broken. */
export type VersionSchemaVerdict = { issues: FieldIssue[] } | { broken: string };

/**
 * A schema a plugin version brought (a narrower output, its options), compiled once per key:
 * versions are immutable, so `key` names the version and the part. Every problem comes with its
 * pointer under `prefix`. A schema that does not compile is answered, not thrown (the upload check
 * refuses such versions, but a call must not throw for one).
 */
export function createVersionSchemaIssues(
  ajv = createAjv(),
): (key: string, schema: object, value: unknown, prefix?: string) => VersionSchemaVerdict {
  const compiled = new BoundedCache<ValidateFunction | string>(500);
  return (key, schema, value, prefix = '') => {
    const validate = compiled.getOrCreate(key, () => {
      try {
        return ajv.compile(structuredClone(schema));
      } catch (error) {
        return `模式无效：${(error as Error).message}`;
      }
    });
    if (typeof validate === 'string') return { broken: validate };
    return { issues: validate(value) ? [] : toFieldIssues(validate.errors, prefix) };
  };
}

/** The same, answering the first problem as "pointer message", or null. */
export function createVersionSchemaCheck(ajv = createAjv()): (key: string, schema: object, value: unknown) => string | null {
  const verdictOf = createVersionSchemaIssues(ajv);
  return (key, schema, value) => {
    const verdict = verdictOf(key, schema, value);
    if ('broken' in verdict) return verdict.broken;
    const [issue] = verdict.issues;
    return issue ? issueText(issue) : null;
  };
}
