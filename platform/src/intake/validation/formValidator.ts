import { createAjv } from '@matterflow/schemas';
import type { ValidateFunction } from 'ajv';
import { BoundedCache } from '../../kernel';

const validators = new BoundedCache<ValidateFunction>(500);

/**
 * The compiled form schema of one matter version. A published version's form never changes, so it
 * is compiled once per process; a draft version is keyed by its revision, so staff previews see
 * their edits. Each schema gets its own Ajv, since two versions of a matter may carry the same `$id`.
 */
export function formValidator(key: string, schema: object): ValidateFunction {
  return validators.getOrCreate(key, () => createAjv().compile(schema));
}
