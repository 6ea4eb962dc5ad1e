import { metaSchemas, toFieldIssues, CURRENT_META_SCHEMA_VERSION } from '@matterflow/schemas';
import { fail, type FieldIssue } from '../kernel';
import type { MatterDocument } from './MatterVersion';

/** Issues of a document against the meta-schema (drafts may be incomplete, never malformed). */
export function documentIssues(document: unknown, prefix = ''): FieldIssue[] {
  const { matter } = metaSchemas();
  return matter(document) ? [] : toFieldIssues(matter.errors, prefix);
}

/** Accepts a hostile request value as a matter document or throws MATTER_INVALID listing every issue. */
export function validateDocument(document: unknown, pointerPrefix = '/document'): MatterDocument {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw fail('MATTER_INVALID', [{ pointer: pointerPrefix || '/', code: 'schema.type', message: '事项文档应为对象' }]);
  }
  const withVersion = { metaSchemaVersion: CURRENT_META_SCHEMA_VERSION, ...document };
  const issues = documentIssues(withVersion, pointerPrefix);
  if (issues.length > 0) throw fail('MATTER_INVALID', issues);
  return withVersion as MatterDocument;
}
