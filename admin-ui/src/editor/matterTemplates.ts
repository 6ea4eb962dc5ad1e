import { CURRENT_META_SCHEMA_VERSION } from '@matterflow/schemas';
import type { JsonObject } from './SectionProps';

export interface NewMatterFields {
  code: string;
  name: string;
  department: { code: string; name: string };
}

/** A blank skeleton of a type: only what the meta-schema requires, the rest is filled in the editor. */
export function blankMatter(type: string, fields: NewMatterFields): JsonObject {
  return { metaSchemaVersion: CURRENT_META_SCHEMA_VERSION, ...fields, type };
}

/**
 * A copy of a published matter under a new code, name and department. The national codes of the
 * original (基本编码, 业务办理项编码) name that matter, so they are not copied; the department's
 * nature and entrusting body belong to the original department.
 */
export function copiedMatter(template: JsonObject, fields: NewMatterFields): JsonObject {
  const { catalogCode: _catalog, handleItemCode: _handleItem, ...rest } = structuredClone(template);
  return { ...rest, metaSchemaVersion: CURRENT_META_SCHEMA_VERSION, ...fields };
}
