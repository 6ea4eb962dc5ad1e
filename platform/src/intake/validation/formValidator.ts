import { createAjv } from '@matterflow/schemas';
import type { ValidateFunction } from 'ajv';

const MAX_CACHED = 500;
const cache = new Map<string, ValidateFunction>();

/**
 * The compiled form schema of one matter version. A version's form never changes once published, so
 * it is compiled once per process (bounded: the least recently used leaves first); a draft version
 * is keyed by its revision so staff previews see their edits. Each schema gets its own Ajv, since
 * two versions of a matter may carry the same `$id`.
 */
export function formValidator(key: string, schema: object): ValidateFunction {
  const found = cache.get(key);
  if (found) {
    cache.delete(key);
    cache.set(key, found);
    return found;
  }
  const validate = createAjv().compile(schema);
  cache.set(key, validate);
  if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value as string);
  return validate;
}
