import { CURRENT_META_SCHEMA_VERSION, migrateDocument } from '@matterflow/schemas';
import type { Deps } from '../kernel';
import { documentIssues } from './validateDocument';

/**
 * Start-up check: every stored matter document is migrated to the current meta-schema and must
 * validate. Documents that cannot be read stop the server, named by code and version, instead of
 * failing later in front of a citizen.
 */
export async function checkStoredDocuments(deps: Pick<Deps, 'db' | 'logger'>): Promise<{ checked: number; migrated: number }> {
  const result = await deps.db.query<{
    code: string;
    version: number;
    meta_schema_version: number;
    document: Record<string, unknown>;
  }>('SELECT code, version, meta_schema_version, document FROM matter_versions ORDER BY code, version');
  const unreadable: string[] = [];
  const upgrades: { code: string; version: number; document: Record<string, unknown> }[] = [];
  for (const row of result.rows) {
    try {
      const migrated = migrateDocument(row.document);
      const issues = documentIssues(migrated);
      if (issues.length > 0) {
        unreadable.push(
          `${row.code} v${row.version}: ${issues
            .slice(0, 3)
            .map((i) => `${i.pointer} ${i.message}`)
            .join('; ')}`,
        );
      } else if (row.meta_schema_version !== CURRENT_META_SCHEMA_VERSION) {
        upgrades.push({ code: row.code, version: row.version, document: migrated });
      }
    } catch (error) {
      unreadable.push(`${row.code} v${row.version}: ${(error as Error).message}`);
    }
  }
  if (unreadable.length > 0) {
    throw new Error(
      `无法读取 ${unreadable.length} 个已存储的事项文档 / unreadable matter documents:\n  ${unreadable.join('\n  ')}`,
    );
  }
  if (upgrades.length > 0) {
    await deps.db.transaction(async (tx) => {
      for (const upgrade of upgrades) {
        await tx.query('UPDATE matter_versions SET document = $3, meta_schema_version = $4 WHERE code = $1 AND version = $2', [
          upgrade.code,
          upgrade.version,
          JSON.stringify(upgrade.document),
          CURRENT_META_SCHEMA_VERSION,
        ]);
      }
    });
    deps.logger.info({ migrated: upgrades.length }, 'matter documents migrated to the current meta-schema');
  }
  return { checked: result.rows.length, migrated: upgrades.length };
}
