/**
 * The one set of tolerant readers for a matter document that may have failed its meta-schema (a
 * draft, a dirty import file): checks still run on whatever parts have the expected shape and skip
 * the rest, and a field of the wrong type reads as missing instead of throwing.
 */
export type JsonObject = Record<string, unknown>;

export function asObject(value: unknown): JsonObject | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : undefined;
}

/** The array, or undefined when the value is none (to tell "missing" from "empty"). */
export function asArray(value: unknown): unknown[] | undefined {
  return Array.isArray(value) ? value : undefined;
}

/** The array, or an empty one when the value is none. */
export function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Any string, the empty one included. */
export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A string with something in it: blank text counts as missing. */
export function asText(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

export function asNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Follows a path of keys through objects; undefined when any step is missing or not an object. */
export function at(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const segment of path) current = asObject(current)?.[segment];
  return current;
}
