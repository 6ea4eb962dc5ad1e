import { formatDuration } from '../formatDuration';
import { asNumber, asObject, asString } from '../looseDocument';

/**
 * A time limit as a clerk says it: "10 个工作日", 法律未规定 (`unspecified`), 当场办结 (0, which is
 * not the same as no limit: docs/matter-model.md), or `missing` when there is none.
 */
export function limitWords(limit: unknown, missing: string): string {
  const object = asObject(limit);
  if (!object) return missing;
  if (object.unspecified === true) return '法律未规定';
  const value = asNumber(object.value);
  if (value === undefined) return missing;
  if (value === 0) return '当场办结';
  return formatDuration({ value, unit: asString(object.unit) });
}
