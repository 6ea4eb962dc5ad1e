import { createHash } from 'node:crypto';
import { CURRENT_META_SCHEMA_VERSION, flowMetaSchema, matterMetaSchema } from '@matterflow/schemas';

/**
 * Bump when documentIssues checks something the meta-schemas do not say (a rule in code), so
 * that every stored document is checked once more at the next start-up.
 */
const RULES_VERSION = 1;

let stamp: string | undefined;

/**
 * What a stored version was validated against: the meta-schema version and a hash of both
 * meta-schemas. Written with every document; start-up checks only rows with another stamp, so
 * editing matter.schema.json re-checks everything once, and a plain restart checks nothing.
 */
export function validationStamp(): string {
  stamp ??= `m${CURRENT_META_SCHEMA_VERSION}.r${RULES_VERSION}.${createHash('sha256')
    .update(JSON.stringify([matterMetaSchema, flowMetaSchema]))
    .digest('hex')
    .slice(0, 16)}`;
  return stamp;
}
