import { ApiError } from './getJson';

/** What a form shows after a refused write: a message per field, and one for the form as a whole. */
export interface FormErrors {
  fields: Record<string, string>;
  form?: string;
}

/**
 * Maps the platform's field issues to the form's fields by JSON pointer (`/idNumber` → `idNumber`).
 * Issues at a pointer the form has no field for, and errors without issues, become the form's message.
 */
export function fieldErrorsOf(error: unknown, fieldNames: readonly string[]): FormErrors {
  if (!(error instanceof ApiError)) return { fields: {}, form: '提交失败，请稍后重试' };
  const fields: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const issue of error.issues) {
    const name = issue.pointer.replace(/^\//, '').split('/')[0] ?? '';
    if (fieldNames.includes(name)) fields[name] ??= issue.message;
    else unplaced.push(issue.message);
  }
  if (Object.keys(fields).length === 0 && unplaced.length === 0) return { fields, form: error.message };
  return unplaced.length > 0 ? { fields, form: unplaced.join('；') } : { fields };
}
