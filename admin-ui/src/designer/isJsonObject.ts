import type { JsonObject } from '../editor/SectionProps';

/** A JSON object (not an array, not null): the shape of a schema, a uiSchema, a condition. */
export const isJsonObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
