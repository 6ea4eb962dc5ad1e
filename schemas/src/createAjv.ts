import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { Options } from 'ajv';

/**
 * One Ajv configuration for the meta-schemas, matter forms and conditions alike, so that the server
 * and the browser (rjsf's validator-ajv8) agree. Our vocabulary keywords (`x-*`) are annotations.
 */
export function createAjv(options: Options = {}): Ajv2020 {
  // `discriminator` makes a flow node report the errors of its own kind only; `verbose` hands
  // `toFieldIssues` the failing schema, so messages name the field by its title.
  const ajv = new Ajv2020({ allErrors: true, strict: false, discriminator: true, verbose: true, ...options });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  return ajv;
}
