import type { ApiIssue } from '@matterflow/schemas';

export interface FieldErrors<K extends string> {
  /** For antd's form.setFields: each issue at the field its pointer names. */
  fields: { name: K; errors: string[] }[];
  /** Issues no field of this form shows, said above the form instead of lost. */
  rest: string[];
}

/**
 * The platform's field issues placed at the form's fields. Pointers name the body's field
 * (`/departmentCode`); a schema error may name it under `/body`, and a nested one (`/holidays/0/date`)
 * belongs to its first segment.
 */
export function fieldErrors<K extends string>(issues: readonly ApiIssue[], fieldNames: readonly K[]): FieldErrors<K> {
  const byField = new Map<K, string[]>();
  const rest: string[] = [];
  for (const issue of issues) {
    const name = issue.pointer.replace(/^\/body(?=\/|$)/, '').split('/')[1] ?? '';
    const field = fieldNames.find((candidate) => candidate === name);
    if (field !== undefined) byField.set(field, [...(byField.get(field) ?? []), issue.message]);
    else rest.push(issue.message);
  }
  return { fields: [...byField].map(([name, errors]) => ({ name, errors })), rest };
}
