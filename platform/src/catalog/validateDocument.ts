import { metaSchemas, migrateDocument, toFieldIssues, CURRENT_META_SCHEMA_VERSION } from '@matterflow/schemas';
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
  const withVersion = upgradeDocument({ metaSchemaVersion: CURRENT_META_SCHEMA_VERSION, ...document }, pointerPrefix);
  const issues = documentIssues(withVersion, pointerPrefix);
  if (issues.length > 0) throw fail('MATTER_INVALID', issues);
  return withVersion as unknown as MatterDocument;
}

/**
 * A document written against an older meta-schema (an old export, a client not yet upgraded) is
 * migrated like a stored one, so v1 files keep working; a version this server cannot read is a
 * field issue, not a crash.
 */
export function upgradeDocument(document: Record<string, unknown>, pointerPrefix = ''): Record<string, unknown> {
  const version = document.metaSchemaVersion;
  if (version === CURRENT_META_SCHEMA_VERSION || !Number.isInteger(version) || (version as number) < 1) return document;
  if ((version as number) > CURRENT_META_SCHEMA_VERSION) {
    throw fail('MATTER_INVALID', [
      {
        pointer: `${pointerPrefix}/metaSchemaVersion`,
        code: 'schema.const',
        message: `元模式版本 ${String(version)} 高于本系统支持的第 ${CURRENT_META_SCHEMA_VERSION} 版，请先升级系统`,
      },
    ]);
  }
  return migrateDocument(document);
}
