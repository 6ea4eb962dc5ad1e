import { escapePointer } from '@matterflow/schemas';

export type PlainObject = Record<string, unknown>;

export function isPlainObject(value: unknown): value is PlainObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function getPath(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const segment of path) {
    if (!isPlainObject(current)) return undefined;
    current = current[segment];
  }
  return current;
}

/** Creates intermediate objects as needed; refuses prototype keys so hostile input cannot pollute. */
export function setPath(target: PlainObject, path: readonly string[], value: unknown): void {
  let current = target;
  path.forEach((segment, i) => {
    if (isUnsafeKey(segment)) return;
    if (i === path.length - 1) {
      current[segment] = value;
      return;
    }
    const next = current[segment];
    if (isPlainObject(next)) current = next;
    else {
      const created: PlainObject = {};
      current[segment] = created;
      current = created;
    }
  });
}

/** Merges `source` into `target` in place; arrays and scalars from `source` replace. */
export function deepMerge(target: PlainObject, source: PlainObject): PlainObject {
  for (const [key, value] of Object.entries(source)) {
    if (isUnsafeKey(key)) continue;
    const existing = target[key];
    if (isPlainObject(existing) && isPlainObject(value)) deepMerge(existing, value);
    else target[key] = value;
  }
  return target;
}

function isUnsafeKey(key: string): boolean {
  return key === '__proto__' || key === 'constructor' || key === 'prototype';
}

export function toPointer(path: readonly (string | number)[]): string {
  return path.map((segment) => `/${escapePointer(String(segment))}`).join('');
}
