import { asObject, asText } from '../looseDocument';

/** Structural equality of JSON values (key order ignored, as in a stored jsonb document). */
export function isSame(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => isSame(item, b[i]));
  }
  const left = asObject(a);
  const right = asObject(b);
  if (!left || !right) return false;
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  return keys.every((key) => key in right && isSame(left[key], right[key]));
}

/** Longer text is said to have changed rather than quoted: a clerk opens the field to read it. */
const QUOTABLE_LENGTH = 30;

/** A value in a sentence, or undefined when it is too long or not a plain value. */
export function sayValue(value: unknown, enumName?: (value: unknown) => string | undefined): string | undefined {
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') return enumName?.(value) ?? String(value);
  if (typeof value === 'string') {
    const named = enumName?.(value);
    if (named !== undefined) return named;
    return value.length <= QUOTABLE_LENGTH ? `“${value}”` : undefined;
  }
  return undefined;
}

/** How list items are told apart across versions, most specific first. */
const KEYS = ['id', 'lawId', 'lawName', 'name', 'question', 'value', 'title', 'body', 'kind'] as const;

/** The property that identifies every item of both lists uniquely, if there is one. */
export function identityKey(...lists: readonly unknown[][]): string | undefined {
  const items = lists.flat();
  if (items.length === 0) return undefined;
  return KEYS.find((key) =>
    lists.every((list) => {
      const seen = new Set<string>();
      return list.every((item) => {
        const value = asObject(item)?.[key];
        if (typeof value !== 'string' && typeof value !== 'number') return false;
        if (seen.has(String(value))) return false;
        seen.add(String(value));
        return true;
      });
    }),
  );
}

/** The words that name one item of a list: its name or title, else its identifier. */
export function itemName(item: unknown): string | undefined {
  const object = asObject(item);
  if (!object) return sayValue(item);
  for (const key of ['name', 'title', 'lawName', 'question', 'body', 'id', 'value']) {
    const text = asText(object[key]) ?? (typeof object[key] === 'number' ? String(object[key]) : undefined);
    if (text !== undefined) return text;
  }
  return undefined;
}
